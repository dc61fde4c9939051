package io.tanxin.intake;

/** The kinds of data a submission can carry; each has its own template and target table. */
public enum Dataset {
    ACTIVITY("月度活动数据（能耗、产量、增加值）", "monthly activity data (energy, output, value-added)"),
    GREEN_POWER("绿电交易与绿证", "green-power trades and certificates"),
    PENALTY("行政处罚", "penalties"),
    ETS_VERIFIED("碳市场核查排放量", "ETS verified emissions"),
    TRANSITION("转型数据（减排投资、转型规划进度）", "transition data (reduction investment, plan progress)");

    private final String nameZh;
    private final String nameEn;

    Dataset(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
