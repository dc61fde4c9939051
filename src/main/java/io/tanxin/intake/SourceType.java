package io.tanxin.intake;

/** Who a submission comes from (DESIGN §5.2). */
public enum SourceType {
    SELF_REPORT("企业自报"),
    POWER_GRID("电网公司"),
    TAX("税务部门"),
    STATISTICS("统计部门"),
    ECO_ENVIRONMENT("生态环境部门"),
    PARK_PLATFORM("园区能碳平台"),
    VERIFIER("第三方核查机构");

    private final String nameZh;

    SourceType(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
