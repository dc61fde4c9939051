package io.tanxin.demo.generator;

import java.util.SplittableRandom;

/** Deterministic word lists for synthetic Chinese and English enterprise names. */
final class NameBook {

    /** Characters for trade names (字号) and their pinyin. */
    private static final String[] CHARS = {
            "晋", "华", "鑫", "泰", "宏", "盛", "瑞", "丰", "兴", "德", "源", "恒", "昌", "隆", "达", "通",
            "汇", "安", "嘉", "正", "远", "聚", "金", "润", "祥", "荣", "信", "诚", "博", "宇", "天", "和",
            "新", "光", "明", "辉", "宝", "峰", "泽", "晟", "鼎", "弘", "凯", "腾", "东", "方", "中", "北",
            "阳", "元", "旭"};
    private static final String[] PINYIN = {
            "Jin", "Hua", "Xin", "Tai", "Hong", "Sheng", "Rui", "Feng", "Xing", "De", "Yuan", "Heng", "Chang", "Long", "Da", "Tong",
            "Hui", "An", "Jia", "Zheng", "Yuan", "Ju", "Jin", "Run", "Xiang", "Rong", "Xin", "Cheng", "Bo", "Yu", "Tian", "He",
            "Xin", "Guang", "Ming", "Hui", "Bao", "Feng", "Ze", "Sheng", "Ding", "Hong", "Kai", "Teng", "Dong", "Fang", "Zhong", "Bei",
            "Yang", "Yuan", "Xu"};
    private static final int N = CHARS.length;

    private NameBook() {
    }

    static String cityZh(String regionCode) {
        return switch (regionCode) {
            case "140100" -> "太原";
            case "140200" -> "大同";
            case "140300" -> "阳泉";
            case "140400" -> "长治";
            default -> throw new IllegalArgumentException(regionCode);
        };
    }

    static String cityEn(String regionCode) {
        return switch (regionCode) {
            case "140100" -> "Taiyuan";
            case "140200" -> "Datong";
            case "140300" -> "Yangquan";
            case "140400" -> "Changzhi";
            default -> throw new IllegalArgumentException(regionCode);
        };
    }

    /** A two-character trade name: {zh, en}. */
    static String[] tradeName(SplittableRandom random) {
        int a = random.nextInt(N);
        int b = random.nextInt(N - 1);
        if (b >= a) {
            b++;
        }
        return new String[] {CHARS[a] + CHARS[b], PINYIN[a] + PINYIN[b].toLowerCase(java.util.Locale.ROOT)};
    }

    /** Industry part of the name (after the trade name): {zh, en}; {@code eaf} marks an electric-arc steel mill. */
    static String[] industryWord(DemoIndustry industry, boolean eaf, SplittableRandom random) {
        String[][] options = switch (industry) {
            case COAL -> new String[][] {{"煤业有限公司", "Coal Industry Co., Ltd."}, {"矿业有限公司", "Mining Co., Ltd."},
                    {"煤业有限责任公司", "Coal Industry Co., Ltd."}, {"洗选煤有限公司", "Coal Washing Co., Ltd."}};
            case COKING -> new String[][] {{"焦化有限公司", "Coking Co., Ltd."}, {"煤焦化工有限公司", "Coal Coking & Chemical Co., Ltd."},
                    {"焦化股份有限公司", "Coking Co., Ltd."}};
            case CHEMICAL -> new String[][] {{"煤化工有限公司", "Coal Chemical Co., Ltd."}, {"化工有限公司", "Chemical Co., Ltd."},
                    {"甲醇有限公司", "Methanol Co., Ltd."}};
            case CEMENT -> new String[][] {{"水泥有限公司", "Cement Co., Ltd."}, {"建材有限公司", "Building Materials Co., Ltd."},
                    {"水泥股份有限公司", "Cement Co., Ltd."}};
            case IRON -> new String[][] {{"铁业有限公司", "Iron Co., Ltd."}, {"冶炼有限公司", "Smelting Co., Ltd."}};
            case STEEL -> eaf
                    ? new String[][] {{"特钢有限公司", "Special Steel Co., Ltd."}, {"短流程钢铁有限公司", "EAF Steel Co., Ltd."}}
                    : new String[][] {{"钢铁有限公司", "Iron & Steel Co., Ltd."}, {"钢铁集团有限公司", "Iron & Steel Group Co., Ltd."}};
            case ALUMINIUM -> new String[][] {{"铝业有限公司", "Aluminium Co., Ltd."}, {"电解铝有限公司", "Electrolytic Aluminium Co., Ltd."}};
            case BATTERY -> new String[][] {{"新能源科技有限公司", "New Energy Technology Co., Ltd."}, {"电池有限公司", "Battery Co., Ltd."},
                    {"储能科技有限公司", "Energy Storage Technology Co., Ltd."}};
            case METAL_SCRAP -> new String[][] {{"再生资源回收有限公司", "Renewable Resources Recycling Co., Ltd."},
                    {"废旧金属回收有限公司", "Scrap Metal Recycling Co., Ltd."}, {"再生金属有限公司", "Recycled Metals Co., Ltd."}};
            case WASTE -> new String[][] {{"环保科技有限公司", "Environmental Technology Co., Ltd."},
                    {"再生资源利用有限公司", "Resource Recovery Co., Ltd."}, {"固废处置有限公司", "Solid Waste Treatment Co., Ltd."}};
            case THERMAL -> new String[][] {{"发电有限责任公司", "Power Generation Co., Ltd."}, {"电力有限公司", "Electric Power Co., Ltd."}};
            case CHP -> new String[][] {{"热电有限责任公司", "Thermal Power Co., Ltd."}, {"热电有限公司", "Heat & Power Co., Ltd."}};
            case WIND -> new String[][] {{"风力发电有限公司", "Wind Power Co., Ltd."}, {"风电有限公司", "Wind Power Co., Ltd."}};
            case SOLAR -> new String[][] {{"光伏发电有限公司", "Photovoltaic Power Co., Ltd."}, {"光伏电力有限公司", "PV Power Co., Ltd."},
                    {"新能源有限公司", "New Energy Co., Ltd."}};
        };
        return options[random.nextInt(options.length)];
    }
}
