package io.tanxin.demo.generator;

import io.tanxin.demo.generator.DemoInstitution.Type;
import io.tanxin.demo.generator.DemoUser.OrganisationKind;
import java.util.List;
import java.util.Set;

/**
 * The fixed (seed-independent) part of the demo province: institutions, parks, citizens and users.
 * Institution names are real; everything the demo attributes to them is synthetic.
 */
public final class DemoOrganisations {

    public static final String REGULATOR = "PBOC_SX";
    public static final String CREDIT_AGENCY = "TANXIN_AGENCY";
    public static final String VERIFIER = "SX_VERIFIER";
    public static final String GRID_COMPANY = "SGCC_SX";
    public static final String BANK_A = "BANK_A";
    public static final String BANK_B = "BANK_B";
    public static final String ZERO_CARBON_PARK = "YQ-ZCP";

    public static final List<DemoInstitution> INSTITUTIONS = List.of(
            new DemoInstitution("CDB_SX", "国家开发银行山西省分行", "China Development Bank Shanxi Branch", Type.POLICY_BANK),
            new DemoInstitution("ADBC_SX", "中国农业发展银行山西省分行", "Agricultural Development Bank of China Shanxi Branch", Type.POLICY_BANK),
            new DemoInstitution(BANK_A, "中国工商银行山西省分行", "ICBC Shanxi Branch", Type.STATE_OWNED_BANK),
            new DemoInstitution("ABC_SX", "中国农业银行山西省分行", "Agricultural Bank of China Shanxi Branch", Type.STATE_OWNED_BANK),
            new DemoInstitution("BOC_SX", "中国银行山西省分行", "Bank of China Shanxi Branch", Type.STATE_OWNED_BANK),
            new DemoInstitution("CCB_SX", "中国建设银行山西省分行", "China Construction Bank Shanxi Branch", Type.STATE_OWNED_BANK),
            new DemoInstitution("BOCOM_SX", "交通银行山西省分行", "Bank of Communications Shanxi Branch", Type.STATE_OWNED_BANK),
            new DemoInstitution("PSBC_SX", "中国邮政储蓄银行山西省分行", "Postal Savings Bank of China Shanxi Branch", Type.STATE_OWNED_BANK),
            new DemoInstitution(BANK_B, "兴业银行太原分行", "Industrial Bank Taiyuan Branch", Type.JOINT_STOCK_BANK),
            new DemoInstitution("CMB_TY", "招商银行太原分行", "China Merchants Bank Taiyuan Branch", Type.JOINT_STOCK_BANK),
            new DemoInstitution("CITIC_TY", "中信银行太原分行", "China CITIC Bank Taiyuan Branch", Type.JOINT_STOCK_BANK),
            new DemoInstitution("SPDB_TY", "上海浦东发展银行太原分行", "SPD Bank Taiyuan Branch", Type.JOINT_STOCK_BANK),
            new DemoInstitution("JSB", "晋商银行", "Jinshang Bank", Type.CITY_COMMERCIAL_BANK),
            new DemoInstitution("SXB", "山西银行", "Bank of Shanxi", Type.CITY_COMMERCIAL_BANK),
            new DemoInstitution("SX_RCU", "山西农村商业银行联合社", "Shanxi Rural Commercial Banks Union", Type.RURAL_COMMERCIAL_BANK),
            new DemoInstitution("TY_RCB", "太原农村商业银行", "Taiyuan Rural Commercial Bank", Type.RURAL_COMMERCIAL_BANK),
            new DemoInstitution("SX_REGUARANTEE", "山西省融资再担保集团有限公司", "Shanxi Financing Re-guarantee Group", Type.GUARANTOR),
            new DemoInstitution("PICC_SX", "中国人民财产保险股份有限公司山西省分公司", "PICC Property and Casualty Shanxi Branch", Type.INSURER),
            new DemoInstitution(REGULATOR, "中国人民银行山西省分行", "People's Bank of China Shanxi Branch", Type.REGULATOR),
            new DemoInstitution("NFRA_SX", "国家金融监督管理总局山西监管局", "NFRA Shanxi Office", Type.REGULATOR),
            new DemoInstitution(CREDIT_AGENCY, "山西碳信征信服务有限公司（演示）", "Shanxi Tanxin Credit Reporting Services (demo)", Type.CREDIT_AGENCY),
            new DemoInstitution(VERIFIER, "山西绿色低碳核查技术有限公司（演示）", "Shanxi Green Low-Carbon Verification (demo)", Type.VERIFIER),
            new DemoInstitution("SX_LOWCARBON_ASSOC", "山西省低碳发展促进会（演示）", "Shanxi Low-Carbon Development Association (demo)", Type.VERIFIER),
            new DemoInstitution(GRID_COMPANY, "国网山西省电力有限公司", "State Grid Shanxi Electric Power Company", Type.DATA_PROVIDER),
            new DemoInstitution("TAX_SX", "国家税务总局山西省税务局", "Shanxi Provincial Tax Service, STA", Type.DATA_PROVIDER),
            new DemoInstitution("STATS_SX", "山西省统计局", "Shanxi Provincial Bureau of Statistics", Type.DATA_PROVIDER),
            new DemoInstitution("EEB_SX", "山西省生态环境厅", "Shanxi Department of Ecology and Environment", Type.DATA_PROVIDER),
            new DemoInstitution("YQ_ZCP_PLATFORM", "阳泉零碳产业园能碳管理平台", "Yangquan Zero-Carbon Park Energy-Carbon Platform", Type.DATA_PROVIDER));

    public static final List<DemoPark> PARKS = List.of(
            new DemoPark(ZERO_CARBON_PARK, "阳泉零碳产业园", "Yangquan Zero-Carbon Industrial Park", "140300", true),
            new DemoPark("YQ-ETDZ", "阳泉经济技术开发区", "Yangquan Economic and Technological Development Zone", "140300", false),
            new DemoPark("TY-ZGQ", "山西转型综合改革示范区", "Shanxi Comprehensive Reform Demonstration Zone", "140100", false),
            new DemoPark("DT-ETDZ", "大同经济技术开发区", "Datong Economic and Technological Development Zone", "140200", false),
            new DemoPark("CZ-HTZ", "长治高新技术产业开发区", "Changzhi High-Tech Industrial Development Zone", "140400", false));

    public static final List<DemoCitizen> CITIZENS = List.of(
            new DemoCitizen("CIT-0001", "王丽娟"),
            new DemoCitizen("CIT-0002", "李建军"),
            new DemoCitizen("CIT-0003", "张晓燕"),
            new DemoCitizen("CIT-0004", "刘志强"),
            new DemoCitizen("CIT-0005", "郭芳"),
            new DemoCitizen("CIT-0006", "赵磊"),
            new DemoCitizen("CIT-0007", "杨帆"),
            new DemoCitizen("CIT-0008", "陈静"));

    private DemoOrganisations() {
    }

    /** The demo logins; {@code featuredUscc} is the USCC of the enterprise the user "enterprise" belongs to. */
    public static List<DemoUser> users(String featuredUscc) {
        return List.of(
                new DemoUser("regulator", "人行山西分行监管员", Set.of("REGULATOR"), OrganisationKind.INSTITUTION, REGULATOR),
                new DemoUser("analyst", "征信机构分析师", Set.of("AGENCY_ANALYST"), OrganisationKind.INSTITUTION, CREDIT_AGENCY),
                new DemoUser("analyst2", "征信机构复核分析师", Set.of("AGENCY_ANALYST"), OrganisationKind.INSTITUTION, CREDIT_AGENCY),
                new DemoUser("verifier", "第三方核查员", Set.of("VERIFIER"), OrganisationKind.INSTITUTION, VERIFIER),
                new DemoUser("bank-a", "工商银行客户经理", Set.of("BANK_OFFICER"), OrganisationKind.INSTITUTION, BANK_A),
                new DemoUser("bank-b", "兴业银行客户经理", Set.of("BANK_OFFICER"), OrganisationKind.INSTITUTION, BANK_B),
                new DemoUser("bank-a-admin", "工商银行管理员", Set.of("BANK_ADMIN"), OrganisationKind.INSTITUTION, BANK_A),
                new DemoUser("enterprise", "示范新材料企业用户", Set.of("ENTERPRISE"), OrganisationKind.ENTERPRISE, featuredUscc),
                new DemoUser("provider", "国网山西电力数据接口", Set.of("DATA_PROVIDER"), OrganisationKind.INSTITUTION, GRID_COMPANY),
                new DemoUser("park", "阳泉零碳产业园管委会", Set.of("PARK_ADMIN"), OrganisationKind.PARK, ZERO_CARBON_PARK),
                new DemoUser("citizen", CITIZENS.get(0).nameZh(), Set.of("CITIZEN"), OrganisationKind.CITIZEN, CITIZENS.get(0).code()));
    }
}
