package io.tanxin.demo.generator;

import java.util.List;

/**
 * The 14 industries of reference/industries.csv with the demo's mix: how many enterprises out of 1,200,
 * how they spread over the four demo cities and the size classes, and the code and unit of their output.
 */
public enum DemoIndustry {
    //         code    nameZh                methodology  per1200  TY   DT   YQ   CZ     L    M    S    MICRO  output code              unit
    COAL(      "0610", "烟煤和无烟煤开采洗选", "GENERAL",   280, w(.08, .35, .27, .30), w(.15, .35, .40, .10), "RAW_COAL", DemoUnits.TONNE),
    COKING(    "2521", "炼焦",               "COKING",     50, w(.15, .10, .10, .65), w(.40, .45, .15, 0), "COKE", DemoUnits.TONNE),
    CHEMICAL(  "2614", "有机化学原料制造",     "CHEMICAL",   12, w(.30, .15, .15, .40), w(.40, .40, .20, 0), "METHANOL", DemoUnits.TONNE),
    CEMENT(    "3011", "水泥制造",            "CEMENT",     35, w(.25, .30, .20, .25), w(.45, .40, .15, 0), "CLINKER", DemoUnits.TONNE),
    IRON(      "3110", "炼铁",               "STEEL",      15, w(.30, .10, .10, .50), w(.50, .40, .10, 0), "PIG_IRON", DemoUnits.TONNE),
    STEEL(     "3120", "炼钢",               "STEEL",      30, w(.40, .10, .15, .35), w(.45, .35, .20, 0), "CRUDE_STEEL", DemoUnits.TONNE),
    ALUMINIUM( "3216", "铝冶炼",              "ALUMINIUM",   8, w(.25, 0, .50, .25), w(.60, .30, .10, 0), "ALUMINIUM", DemoUnits.TONNE),
    BATTERY(   "3841", "锂离子电池制造",       "GENERAL",   110, w(.35, .15, .25, .25), w(.10, .25, .40, .25), "BATTERY", DemoUnits.KWH),
    METAL_SCRAP("4210", "金属废料和碎屑加工处理", "GENERAL", 150, w(.35, .20, .20, .25), w(.03, .17, .45, .35), "METAL_SCRAP_PROCESSED", DemoUnits.TONNE),
    WASTE(     "4220", "非金属废料和碎屑加工处理", "GENERAL", 150, w(.35, .25, .20, .20), w(.02, .15, .45, .38), "NONMETAL_WASTE_PROCESSED", DemoUnits.TONNE),
    THERMAL(   "4411", "火力发电",            "POWER",      40, w(.20, .30, .25, .25), w(.80, .20, 0, 0), "ELECTRICITY_SUPPLIED", DemoUnits.MWH),
    CHP(       "4412", "热电联产",            "POWER",      30, w(.40, .20, .20, .20), w(.60, .40, 0, 0), "ELECTRICITY_SUPPLIED", DemoUnits.MWH),
    WIND(      "4415", "风力发电",            "GENERAL",   120, w(.05, .45, .30, .20), w(.20, .40, .30, .10), "ELECTRICITY_SUPPLIED", DemoUnits.MWH),
    SOLAR(     "4416", "太阳能发电",          "GENERAL",   170, w(.10, .45, .20, .25), w(.10, .30, .35, .25), "ELECTRICITY_SUPPLIED", DemoUnits.MWH);

    /** Demo cities in the order of the city weights: Taiyuan, Datong, Yangquan, Changzhi. */
    public static final List<String> CITY_CODES = List.of("140100", "140200", "140300", "140400");

    private final String code;
    private final String nameZh;
    private final String methodology;
    private final int per1200;
    private final double[] cityWeights;
    private final double[] sizeWeights;
    private final String outputCode;
    private final String outputUnit;

    DemoIndustry(String code, String nameZh, String methodology, int per1200, double[] cityWeights,
                 double[] sizeWeights, String outputCode, String outputUnit) {
        this.code = code;
        this.nameZh = nameZh;
        this.methodology = methodology;
        this.per1200 = per1200;
        this.cityWeights = cityWeights;
        this.sizeWeights = sizeWeights;
        this.outputCode = outputCode;
        this.outputUnit = outputUnit;
    }

    private static double[] w(double... weights) {
        return weights;
    }

    public static DemoIndustry of(String code) {
        for (DemoIndustry industry : values()) {
            if (industry.code.equals(code)) {
                return industry;
            }
        }
        throw new IllegalArgumentException("unknown industry " + code);
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    /** GENERAL, POWER, STEEL, COKING, CEMENT, ALUMINIUM or CHEMICAL, as in reference/industries.csv. */
    public String methodology() {
        return methodology;
    }

    /** Whether the accounting engine implements the methodology yet (ALUMINIUM and CHEMICAL are not). */
    public boolean computable() {
        return !methodology.equals("ALUMINIUM") && !methodology.equals("CHEMICAL");
    }

    /** Main OUTPUT code (power plants also report ELECTRICITY_GENERATED, CHP also HEAT_SUPPLIED). */
    public String outputCode() {
        return outputCode;
    }

    public String outputUnit() {
        return outputUnit;
    }

    int per1200() {
        return per1200;
    }

    double cityWeight(int cityIndex) {
        return cityWeights[cityIndex];
    }

    double sizeWeight(int sizeIndex) {
        return sizeWeights[sizeIndex];
    }
}
