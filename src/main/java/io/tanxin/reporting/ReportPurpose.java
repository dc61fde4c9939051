package io.tanxin.reporting;

/**
 * Why a report is read. Only the purposes an enterprise can consent to let a bank in; the others
 * are the bases of the enterprise itself, the regulator and the agency.
 */
public enum ReportPurpose {
    LOAN_APPROVAL("贷款审批", true),
    POST_LOAN_MONITORING("贷后管理", true),
    SELF_INQUIRY("本企业查询", false),
    SUPERVISION("监管检查", false),
    AGENCY_REVIEW("征信机构审核", false);

    private final String nameZh;
    private final boolean consentable;

    ReportPurpose(String nameZh, boolean consentable) {
        this.nameZh = nameZh;
        this.consentable = consentable;
    }

    public String nameZh() {
        return nameZh;
    }

    public boolean consentable() {
        return consentable;
    }

    public static ReportPurpose parse(String text) {
        if (text != null) {
            for (ReportPurpose p : values()) {
                if (p.name().equalsIgnoreCase(text.trim())) {
                    return p;
                }
            }
        }
        throw new io.tanxin.shared.DomainException("INVALID_PURPOSE",
                "查询目的无效：" + text + "（应为 LOAN_APPROVAL 贷款审批 或 POST_LOAN_MONITORING 贷后管理）",
                "Invalid purpose: " + text + " (expected LOAN_APPROVAL or POST_LOAN_MONITORING)").withStatus(400);
    }
}
