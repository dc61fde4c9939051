package io.tanxin.reporting;

/** What an objection is against; the item reference's form depends on it. */
public enum ObjectionItemType {
    /** A month's figure of the carbon account; reference {@code 2025-04}. */
    MONTH_FIGURE("月度核算数据"),
    /** A cross-verification finding; reference its id. */
    FINDING("核验发现"),
    /** An administrative penalty; reference its document number. */
    PENALTY("行政处罚"),
    /** A rating; reference its id or year. */
    RATING("碳信用评级");

    private final String nameZh;

    ObjectionItemType(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
