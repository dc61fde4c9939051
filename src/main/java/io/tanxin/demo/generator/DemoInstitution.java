package io.tanxin.demo.generator;

import java.util.Objects;

/**
 * An organisation of the demo province: a financial institution, or a non-financial body (regulator,
 * credit-reporting agency, verifier, data provider). Names are those of real Shanxi organisations, used
 * for familiarity only; every figure attached to them in the demo is synthetic ({@link #synthetic()}).
 */
public record DemoInstitution(String code, String nameZh, String nameEn, Type type) {

    public enum Type {
        POLICY_BANK, STATE_OWNED_BANK, JOINT_STOCK_BANK, CITY_COMMERCIAL_BANK, RURAL_COMMERCIAL_BANK,
        GUARANTOR, INSURER,
        /** PBoC branch or financial regulator (人民银行 / 金融监管). */
        REGULATOR,
        /** Credit-reporting agency (征信机构) that runs the platform. */
        CREDIT_AGENCY,
        /** Third-party verifier or industry association (第三方核查机构 / 行业协会). */
        VERIFIER,
        /** Grid company, tax, statistics, eco-environment bureau, park platform. */
        DATA_PROVIDER;

        public boolean isFinancial() {
            return ordinal() <= INSURER.ordinal();
        }

        public boolean isBank() {
            return ordinal() <= RURAL_COMMERCIAL_BANK.ordinal();
        }
    }

    public DemoInstitution {
        Objects.requireNonNull(code);
        Objects.requireNonNull(nameZh);
        Objects.requireNonNull(nameEn);
        Objects.requireNonNull(type);
    }

    /** Always true: the institution is real, its data in the demo province is not. */
    public boolean synthetic() {
        return true;
    }
}
