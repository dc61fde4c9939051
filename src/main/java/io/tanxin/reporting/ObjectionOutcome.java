package io.tanxin.reporting;

/** The agency's answer to an objection. */
public enum ObjectionOutcome {
    /** The data was wrong and is fixed; accounts (and ratings, by listening) recompute. */
    CORRECTED("已更正"),
    /** The data stands. */
    UPHELD("维持原信息"),
    /** Neither side could be proved; the item keeps an annotation in reports. */
    UNVERIFIABLE("无法核实（已加注）");

    private final String nameZh;

    ObjectionOutcome(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
