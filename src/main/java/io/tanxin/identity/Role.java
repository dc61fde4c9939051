package io.tanxin.identity;

/** The roles of DESIGN §1. Spring Security sees them as authorities {@code ROLE_<name>}. */
public enum Role {
    ENTERPRISE("企业"),
    DATA_PROVIDER("数据提供方"),
    AGENCY_ANALYST("征信机构分析师"),
    VERIFIER("第三方核查机构"),
    BANK_OFFICER("金融机构客户经理"),
    BANK_ADMIN("金融机构管理员"),
    REGULATOR("监管机构"),
    PARK_ADMIN("园区管委会"),
    CITIZEN("个人用户");

    private final String nameZh;

    Role(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /**
     * What a user with this role must belong to: the rules of every module read "its own" records
     * through the organisation (an enterprise's USCC, a park's code, a bank's institution code).
     */
    public OrganisationKind organisationKind() {
        return switch (this) {
            case ENTERPRISE -> OrganisationKind.ENTERPRISE;
            case PARK_ADMIN -> OrganisationKind.PARK;
            case CITIZEN -> OrganisationKind.CITIZEN;
            case DATA_PROVIDER, AGENCY_ANALYST, VERIFIER, BANK_OFFICER, BANK_ADMIN, REGULATOR -> OrganisationKind.INSTITUTION;
        };
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
