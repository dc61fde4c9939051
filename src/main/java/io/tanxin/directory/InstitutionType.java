package io.tanxin.directory;

/** Institutions of the pilot: financial ones by charter type, and the non-financial parties. */
public enum InstitutionType {
    POLICY_BANK("政策性银行", true),
    STATE_OWNED_BANK("国有大型商业银行", true),
    JOINT_STOCK_BANK("股份制商业银行", true),
    CITY_COMMERCIAL_BANK("城市商业银行", true),
    RURAL_COMMERCIAL_BANK("农村商业银行", true),
    GUARANTOR("融资担保机构", true),
    INSURER("保险机构", true),
    REGULATOR("监管机构", false),
    CREDIT_AGENCY("征信机构", false),
    VERIFIER("第三方核查机构", false),
    DATA_PROVIDER("数据提供单位", false);

    private final String nameZh;
    private final boolean financial;

    InstitutionType(String nameZh, boolean financial) {
        this.nameZh = nameZh;
        this.financial = financial;
    }

    public String nameZh() {
        return nameZh;
    }

    public boolean financial() {
        return financial;
    }
}
