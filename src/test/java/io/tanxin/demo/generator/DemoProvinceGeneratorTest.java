package io.tanxin.demo.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tanxin.demo.generator.DemoUser.OrganisationKind;
import io.tanxin.shared.Uscc;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoProvinceGeneratorTest {

    private static DemoProvinceGenerator generator;
    private static DemoProvince province;
    private static List<DemoActivity> activities;

    @BeforeAll
    static void generateOnce() {
        generator = new DemoProvinceGenerator(DemoProvinceGenerator.DEFAULT_SEED);
        province = generator.generate();
        activities = generator.activities();
    }

    @Test
    void same_seed_gives_identical_output_and_another_seed_differs() {
        DemoProvinceGenerator again = new DemoProvinceGenerator(DemoProvinceGenerator.DEFAULT_SEED);
        assertThat(again.generate()).isEqualTo(province);
        assertThat(again.activities()).isEqualTo(activities);

        DemoProvinceGenerator other = new DemoProvinceGenerator(7L);
        DemoProvince otherProvince = other.generate();
        assertThat(otherProvince.enterprises()).isNotEqualTo(province.enterprises());
        assertThat(otherProvince.featuredEnterprise().uscc()).isEqualTo(province.featuredEnterprise().uscc());
        List<DemoActivity> otherActivities = other.activities();
        assertThat(otherActivities).isNotEqualTo(activities);
        assertThat(otherActivities.size()).isBetween(activities.size() * 9 / 10, activities.size() * 11 / 10);
    }

    @Test
    void streaming_per_enterprise_matches_the_full_stream() {
        String uscc = province.enterprises().get(500).uscc();
        List<DemoActivity> fromAll = activities.stream().filter(a -> a.uscc().equals(uscc)).toList();
        assertThat(generator.activitiesOf(uscc)).isEqualTo(fromAll).isNotEmpty();
    }

    @Test
    void usccs_are_valid_unique_and_carry_the_region() {
        Set<String> seen = new HashSet<>();
        for (DemoEnterprise e : province.enterprises()) {
            assertThat(Uscc.isValid(e.uscc())).as(e.uscc()).isTrue();
            assertThat(Uscc.of(e.uscc()).divisionCode()).isEqualTo(e.regionCode());
            assertThat(e.uscc()).startsWith("91");
            assertThat(seen.add(e.uscc())).as("duplicate " + e.uscc()).isTrue();
        }
        assertThat(province.enterprises().stream().map(DemoEnterprise::nameZh).distinct().count())
                .isEqualTo(province.enterprises().size());
    }

    @Test
    void enterprise_counts_per_city_and_industry() {
        assertThat(province.enterprises()).hasSize(1200);
        Map<String, Long> perCity = province.enterprises().stream()
                .collect(Collectors.groupingBy(DemoEnterprise::regionCode, TreeMap::new, Collectors.counting()));
        assertThat(perCity.keySet()).containsExactly("140100", "140200", "140300", "140400");
        perCity.values().forEach(n -> assertThat(n).isBetween(180L, 420L));

        Map<String, Long> perIndustry = province.enterprises().stream()
                .collect(Collectors.groupingBy(DemoEnterprise::industryCode, TreeMap::new, Collectors.counting()));
        assertThat(perIndustry.keySet()).containsExactly("0610", "2521", "2614", "3011", "3110", "3120", "3216",
                "3841", "4210", "4220", "4411", "4412", "4415", "4416");
        assertThat(perIndustry.get("0610")).isBetween(200L, 320L);
        assertThat(perIndustry.get("4416")).isBetween(120L, 220L);
        assertThat(perIndustry.get("4411") + perIndustry.get("4412")).isBetween(40L, 100L);
        assertThat(perIndustry.get("3216")).isBetween(3L, 15L);
        assertThat(perIndustry.get("2614")).isBetween(3L, 20L);
        long general = province.enterprises().stream().filter(e -> e.methodology().equals("GENERAL")).count();
        assertThat(general).isGreaterThan(800);
        long smallOrMicro = province.enterprises().stream()
                .filter(e -> e.sizeClass() == DemoEnterprise.SizeClass.SMALL || e.sizeClass() == DemoEnterprise.SizeClass.MICRO)
                .count();
        assertThat(smallOrMicro).isBetween(450L, 800L);
        assertThat(province.enterprises().stream().filter(e -> "YQ-ZCP".equals(e.parkCode())).count()).isBetween(30L, 120L);
        province.enterprises().stream().filter(e -> e.parkCode() != null).forEach(e ->
                assertThat(province.park(e.parkCode()).orElseThrow().regionCode()).isEqualTo(e.regionCode()));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {20, 30, 45, 60})
    void the_smallest_provinces_still_have_the_featured_steel_maker_in_yangquan(int size) {
        DemoProvince small = new DemoProvinceGenerator(DemoProvinceGenerator.DEFAULT_SEED, size, YearMonth.of(2024, 1), 3)
                .generate();
        assertThat(small.enterprises()).hasSize(size);
        assertThat(small.enterprises()).filteredOn(e -> e.uscc().equals(DemoProvinceGenerator.FEATURED_USCC))
                .singleElement().satisfies(e -> assertThat(e.regionCode()).isEqualTo(DemoIndustry.CITY_CODES.get(2)));
    }

    @Test
    void smaller_provinces_keep_every_industry_and_the_featured_enterprise() {
        DemoProvince small = new DemoProvinceGenerator(3L, 120, YearMonth.of(2024, 1), 12).generate();
        assertThat(small.enterprises()).hasSize(120);
        assertThat(small.enterprises()).contains(small.featuredEnterprise());
        assertThatThrownBy(() -> new DemoProvinceGenerator(1L, 5, YearMonth.of(2024, 1), 12))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void activity_rows_have_known_codes_units_and_no_negative_quantities() {
        assertThat(activities.size()).isBetween(200_000, 320_000);
        YearMonth last = province.lastMonth();
        Set<String> usccs = province.enterprises().stream().map(DemoEnterprise::uscc).collect(Collectors.toSet());
        for (DemoActivity a : activities) {
            assertThat(a.quantity().signum()).isPositive();
            assertThat(a.period()).isBetween(province.firstMonth(), last);
            assertThat(usccs).contains(a.uscc());
            switch (a.kind()) {
                case FUEL -> {
                    assertThat(DemoUnits.FUEL_CODES).contains(a.code());
                    assertThat(a.unit()).isEqualTo(DemoUnits.GAS_FUEL_CODES.contains(a.code()) ? "10^4 Nm3" : "t");
                }
                case ELECTRICITY_PURCHASED, GREEN_ELECTRICITY, ELECTRICITY_EXPORTED -> assertThat(a.unit()).isEqualTo("MWh");
                case HEAT_PURCHASED, HEAT_EXPORTED -> assertThat(a.unit()).isEqualTo("GJ");
                case FLUX -> assertThat(a.code()).isIn("LIMESTONE_FLUX", "DOLOMITE_FLUX");
                case PURCHASED_IRON -> assertThat(a.code()).isEqualTo("PURCHASED_PIG_IRON");
                case FIXED_CARBON_PRODUCT -> assertThat(a.code()).isIn("CRUDE_STEEL_FIXED_CARBON", "METHANOL_FIXED_CARBON");
                case COKING_INPUT -> assertThat(a.code()).isEqualTo("WASHED_COAL");
                case COKING_OUTPUT -> assertThat(a.code()).isIn("COKE", "COKE_OVEN_GAS", "TAR", "CRUDE_BENZENE");
                case VALUE_ADDED -> assertThat(a.unit()).isEqualTo("10^4 CNY");
                default -> { }
            }
            if (a.kind() != ActivityKind.CLINKER) {
                assertThat(a.parameters()).isEmpty();
            }
            if (a.kind() != ActivityKind.FUEL && a.kind() != ActivityKind.COKING_OUTPUT) {
                assertThat(a.unit()).isIn("t", "MWh", "kWh", "GJ", "10^4 CNY");
            }
        }
    }

    @Test
    void green_electricity_never_exceeds_purchased_electricity() {
        Map<String, BigDecimal> purchased = new HashMap<>();
        for (DemoActivity a : activities) {
            if (a.kind() == ActivityKind.ELECTRICITY_PURCHASED) {
                purchased.merge(a.uscc() + "|" + a.period(), a.quantity(), BigDecimal::add);
            }
        }
        int green = 0;
        for (DemoActivity a : activities) {
            if (a.kind() == ActivityKind.GREEN_ELECTRICITY) {
                green++;
                assertThat(a.quantity()).isLessThanOrEqualTo(purchased.getOrDefault(a.uscc() + "|" + a.period(), BigDecimal.ZERO));
                assertThat(a.code()).isIn("GREEN_POWER_TRADE", "GREEN_CERTIFICATE");
            }
        }
        assertThat(green).isGreaterThan(3000);
    }

    @Test
    void clinker_measurements_are_plausible() {
        List<DemoActivity> clinker = activities.stream().filter(a -> a.kind() == ActivityKind.CLINKER).toList();
        assertThat(clinker).isNotEmpty();
        assertThat(clinker).anyMatch(a -> a.parameters().isEmpty()).anyMatch(a -> !a.parameters().isEmpty());
        clinker.stream().filter(a -> !a.parameters().isEmpty()).forEach(a -> {
            assertThat(a.parameters().keySet()).containsExactly("cao", "mgo");
            assertThat(a.parameters().get("cao")).isBetween(new BigDecimal("0.635"), new BigDecimal("0.665"));
            assertThat(a.parameters().get("mgo")).isBetween(new BigDecimal("0.005"), new BigDecimal("0.035"));
        });
    }

    @Test
    void demo_users_institutions_and_parks() {
        Map<String, DemoUser> users = province.users().stream().collect(Collectors.toMap(DemoUser::username, u -> u));
        assertThat(users.keySet()).containsExactlyInAnyOrder("regulator", "analyst", "analyst2", "verifier", "bank-a",
                "bank-b", "bank-a-admin", "enterprise", "provider", "park", "citizen");
        assertRole(users.get("regulator"), "REGULATOR", OrganisationKind.INSTITUTION, "PBOC_SX");
        assertRole(users.get("analyst"), "AGENCY_ANALYST", OrganisationKind.INSTITUTION, DemoOrganisations.CREDIT_AGENCY);
        assertRole(users.get("analyst2"), "AGENCY_ANALYST", OrganisationKind.INSTITUTION, DemoOrganisations.CREDIT_AGENCY);
        assertRole(users.get("verifier"), "VERIFIER", OrganisationKind.INSTITUTION, DemoOrganisations.VERIFIER);
        assertRole(users.get("bank-a"), "BANK_OFFICER", OrganisationKind.INSTITUTION, "BANK_A");
        assertRole(users.get("bank-b"), "BANK_OFFICER", OrganisationKind.INSTITUTION, "BANK_B");
        assertRole(users.get("bank-a-admin"), "BANK_ADMIN", OrganisationKind.INSTITUTION, "BANK_A");
        assertRole(users.get("enterprise"), "ENTERPRISE", OrganisationKind.ENTERPRISE, province.featuredEnterprise().uscc());
        assertRole(users.get("provider"), "DATA_PROVIDER", OrganisationKind.INSTITUTION, "SGCC_SX");
        assertRole(users.get("park"), "PARK_ADMIN", OrganisationKind.PARK, "YQ-ZCP");
        assertRole(users.get("citizen"), "CITIZEN", OrganisationKind.CITIZEN, province.citizens().get(0).code());

        for (DemoUser u : province.users()) {
            switch (u.organisationKind()) {
                case INSTITUTION -> assertThat(province.institution(u.organisationCode())).isPresent();
                case ENTERPRISE -> assertThat(province.enterprise(u.organisationCode())).isPresent();
                case PARK -> assertThat(province.park(u.organisationCode())).isPresent();
                default -> { }
            }
        }
        assertThat(province.institution("BANK_A").orElseThrow().nameZh()).isEqualTo("中国工商银行山西省分行");
        assertThat(province.institution("BANK_B").orElseThrow().nameZh()).isEqualTo("兴业银行太原分行");
        assertThat(province.institution("PBOC_SX").orElseThrow().nameZh()).isEqualTo("中国人民银行山西省分行");
        assertThat(province.institutions().stream().map(DemoInstitution::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(DemoInstitution.Type.values());
        assertThat(province.institutions().stream().map(DemoInstitution::code).distinct().count())
                .isEqualTo(province.institutions().size());
        DemoPark zcp = province.park("YQ-ZCP").orElseThrow();
        assertThat(zcp.regionCode()).isEqualTo("140300");
        assertThat(zcp.zeroCarbon()).isTrue();
        assertThat(province.citizens()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(DemoProvince.NOTICE_ZH).isEqualTo("演示数据：本省份数据为合成数据，仅用于演示");
    }

    private static void assertRole(DemoUser user, String role, OrganisationKind kind, String code) {
        assertThat(user.roles()).containsExactly(role);
        assertThat(user.organisationKind()).isEqualTo(kind);
        assertThat(user.organisationCode()).isEqualTo(code);
    }

    @Test
    void featured_enterprise_is_a_computable_steel_mill_in_the_zero_carbon_park_with_clean_data() {
        DemoEnterprise featured = province.featuredEnterprise();
        assertThat(featured.nameZh()).isEqualTo("阳泉市示范新材料有限公司");
        assertThat(featured.uscc()).isEqualTo(DemoProvinceGenerator.FEATURED_USCC);
        assertThat(Uscc.isValid(featured.uscc())).isTrue();
        assertThat(featured.regionCode()).isEqualTo("140300");
        assertThat(featured.parkCode()).isEqualTo("YQ-ZCP");
        assertThat(featured.methodology()).isIn("GENERAL", "STEEL");
        assertThat(DemoProvinceGenerator.computable(featured)).isTrue();
        assertThat(province.enterprises().stream().filter(e -> e.nameZh().equals(featured.nameZh()))).hasSize(1);
        List<DemoActivity> rows = generator.activitiesOf(featured.uscc());
        for (ActivityKind kind : List.of(ActivityKind.OUTPUT, ActivityKind.VALUE_ADDED, ActivityKind.ELECTRICITY_PURCHASED,
                ActivityKind.GREEN_ELECTRICITY)) {
            assertThat(rows.stream().filter(a -> a.kind() == kind).map(DemoActivity::period).distinct().count())
                    .as(kind.name()).isEqualTo(36);
        }
        double firstYearGreenShare = greenShare(rows, 2023);
        double lastYearGreenShare = greenShare(rows, 2025);
        assertThat(lastYearGreenShare).isGreaterThan(firstYearGreenShare + 0.15);
    }

    private static double greenShare(List<DemoActivity> rows, int year) {
        double green = 0;
        double purchased = 0;
        for (DemoActivity a : rows) {
            if (a.period().getYear() != year) {
                continue;
            }
            if (a.kind() == ActivityKind.GREEN_ELECTRICITY) {
                green += a.quantity().doubleValue();
            } else if (a.kind() == ActivityKind.ELECTRICITY_PURCHASED) {
                purchased += a.quantity().doubleValue();
            }
        }
        return green / purchased;
    }

    @Test
    void coal_power_intensity_is_near_the_ets_benchmarks() {
        Map<String, Totals> totals = Totals.byEnterprise(activities, 2024);
        int checked = 0;
        for (DemoEnterprise e : province.enterprises()) {
            Totals t = totals.get(e.uscc());
            if (e.industryCode().equals("4411")) {
                double intensity = t.combustion / t.output("ELECTRICITY_SUPPLIED");
                assertThat(intensity).as(e.nameZh()).isBetween(0.70, 1.0);
                checked++;
            } else if (e.industryCode().equals("4412")) {
                // take the heat share out at about 39 kgce per GJ of heat supplied
                double coalFactorPerGj = t.combustion / t.combustionEnergyGj;
                double heat = t.output("HEAT_SUPPLIED") * 0.039 * ActivitySimulator.GJ_PER_TCE * coalFactorPerGj;
                double intensity = (t.combustion - heat) / t.output("ELECTRICITY_SUPPLIED");
                assertThat(intensity).as(e.nameZh()).isBetween(0.70, 1.0);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void steel_cement_and_coking_intensities_are_plausible() {
        Map<String, Totals> totals = Totals.byEnterprise(activities, 2024);
        int longProcess = 0;
        int eaf = 0;
        for (DemoEnterprise e : province.enterprises()) {
            Totals t = totals.get(e.uscc());
            switch (e.industryCode()) {
                case "3120" -> {
                    double intensity = t.scope1And2() / t.output("CRUDE_STEEL");
                    if (t.fuel("COKE") > 0) {
                        assertThat(intensity).as("BF-BOF " + e.nameZh()).isBetween(1.5, 2.5);
                        longProcess++;
                    } else {
                        assertThat(intensity).as("EAF " + e.nameZh()).isBetween(0.3, 0.9);
                        eaf++;
                    }
                }
                case "3110" -> assertThat(t.scope1And2() / t.output("PIG_IRON")).isBetween(1.3, 2.0);
                case "3011" -> {
                    double clinker = t.output("CLINKER");
                    double calcination = t.clinkerCalcination + 0.001 * t.rawMeal * 44 / 12;
                    assertThat((calcination + t.scope1And2()) / clinker).as(e.nameZh()).isBetween(0.75, 1.0);
                }
                case "2521" -> {
                    double process = t.cokingCarbonBalance * 44 / 12 / t.output("COKE");
                    assertThat(process).as(e.nameZh()).isBetween(0.15, 0.55);
                }
                default -> { }
            }
        }
        assertThat(longProcess).isPositive();
        assertThat(eaf).isPositive();
    }

    @Test
    void generation_is_fast() {
        long start = System.nanoTime();
        DemoProvinceGenerator fresh = new DemoProvinceGenerator(99L);
        fresh.generate();
        long[] count = {0};
        fresh.forEachActivity(a -> count[0]++);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(count[0]).isGreaterThan(200_000);
        assertThat(millis).isLessThan(5_000);
    }
}
