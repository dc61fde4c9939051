package io.tanxin.reporting;

/** On what ground a report was read: a consent, being the enterprise itself, or a role. */
public enum AccessBasis {
    CONSENT("企业授权"),
    OWN("本企业"),
    REGULATOR("监管职责"),
    AGENCY("征信机构职责");

    private final String nameZh;

    AccessBasis(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
