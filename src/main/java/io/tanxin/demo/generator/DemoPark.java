package io.tanxin.demo.generator;

import java.util.Objects;

/** An industrial park of the demo province; {@code zeroCarbon} marks a zero-carbon park (零碳园区). */
public record DemoPark(String code, String nameZh, String nameEn, String regionCode, boolean zeroCarbon) {

    public DemoPark {
        Objects.requireNonNull(code);
        Objects.requireNonNull(nameZh);
        Objects.requireNonNull(nameEn);
        Objects.requireNonNull(regionCode);
    }
}
