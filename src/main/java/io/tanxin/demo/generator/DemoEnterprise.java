package io.tanxin.demo.generator;

import java.util.Objects;

/**
 * A synthetic enterprise. {@code uscc} is a valid 18-character unified social credit code whose
 * characters 3–8 are {@code regionCode}; {@code industryCode} is a GB/T 4754-2017 code of
 * {@code reference/industries.csv}; {@code parkCode} is null outside a park.
 */
public record DemoEnterprise(String uscc, String nameZh, String nameEn, String regionCode, String industryCode,
                             SizeClass sizeClass, TransitionStage transitionStage, String parkCode) {

    public enum SizeClass { LARGE, MEDIUM, SMALL, MICRO }

    public enum TransitionStage { INITIAL, MIDDLE, MATURE }

    public DemoEnterprise {
        Objects.requireNonNull(uscc);
        Objects.requireNonNull(nameZh);
        Objects.requireNonNull(nameEn);
        Objects.requireNonNull(regionCode);
        Objects.requireNonNull(industryCode);
        Objects.requireNonNull(sizeClass);
        Objects.requireNonNull(transitionStage);
    }

    /** Accounting methodology of the industry (GENERAL, POWER, STEEL, COKING, CEMENT, ALUMINIUM, CHEMICAL). */
    public String methodology() {
        return DemoIndustry.of(industryCode).methodology();
    }
}
