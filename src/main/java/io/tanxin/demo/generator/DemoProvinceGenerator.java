package io.tanxin.demo.generator;

import io.tanxin.demo.generator.DemoEnterprise.SizeClass;
import io.tanxin.demo.generator.DemoEnterprise.TransitionStage;
import io.tanxin.shared.Uscc;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates the synthetic demo province: about 1,200 enterprises in Taiyuan, Datong, Yangquan and
 * Changzhi across the 14 pilot industries, with monthly activity data (fuel, electricity, heat, process
 * inputs, output, value-added) for 36 months. The output is a pure function of the constructor arguments.
 *
 * <pre>{@code
 * var generator = new DemoProvinceGenerator(DemoProvinceGenerator.DEFAULT_SEED);
 * DemoProvince province = generator.generate();
 * generator.forEachActivity(activity -> batch.add(activity));   // ~300k rows, streamed
 * }</pre>
 */
public final class DemoProvinceGenerator {

    public static final long DEFAULT_SEED = 20240601L;
    public static final int DEFAULT_ENTERPRISE_COUNT = 1200;
    public static final YearMonth DEFAULT_FIRST_MONTH = YearMonth.of(2023, 1);
    public static final int DEFAULT_MONTHS = 36;

    /** The enterprise the demo user "enterprise" belongs to (the same for every seed). */
    public static final String FEATURED_NAME_ZH = "阳泉市示范新材料有限公司";
    public static final String FEATURED_NAME_EN = "Yangquan Shifan New Materials Co., Ltd.";
    public static final String FEATURED_REGION = "140300";
    public static final String FEATURED_USCC = withCheck("91" + FEATURED_REGION + organisationCode("MA0TX202"));

    private static final int STREAM_DIRECTORY = 1;
    private static final int STREAM_PROFILE = 2;
    private static final int STREAM_ACTIVITY = 3;
    private static final int STREAM_USCC = 4;
    private static final long ORG_CODE_SPACE = 852_891_037_441L; // 31^8
    private static final long ORG_CODE_STRIDE = 314_159_265_359L; // coprime with 31, spreads codes over the space
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final long seed;
    private final int enterpriseCount;
    private final YearMonth firstMonth;
    private final int months;
    private volatile Built built;

    private record Built(DemoProvince province, List<EnterpriseProfile> profiles) {
    }

    public DemoProvinceGenerator(long seed, int enterpriseCount, YearMonth firstMonth, int months) {
        if (enterpriseCount < 20) {
            throw new IllegalArgumentException("enterpriseCount must be at least 20");
        }
        if (months < 1) {
            throw new IllegalArgumentException("months must be positive");
        }
        this.seed = seed;
        this.enterpriseCount = enterpriseCount;
        this.firstMonth = Objects.requireNonNull(firstMonth);
        this.months = months;
    }

    public DemoProvinceGenerator(long seed) {
        this(seed, DEFAULT_ENTERPRISE_COUNT, DEFAULT_FIRST_MONTH, DEFAULT_MONTHS);
    }

    public DemoProvinceGenerator() {
        this(DEFAULT_SEED);
    }

    /** The province without its activity data (cheap; computed once and cached). */
    public DemoProvince generate() {
        return built().province();
    }

    /** Streams every activity row, enterprise by enterprise in directory order, month by month. */
    public void forEachActivity(Consumer<? super DemoActivity> sink) {
        for (EnterpriseProfile profile : built().profiles()) {
            ActivitySimulator.simulate(profile, firstMonth, months, sink);
        }
    }

    /** Streams the activity rows of one enterprise. */
    public void forEachActivity(String uscc, Consumer<? super DemoActivity> sink) {
        for (EnterpriseProfile profile : built().profiles()) {
            if (profile.enterprise.uscc().equals(uscc)) {
                ActivitySimulator.simulate(profile, firstMonth, months, sink);
                return;
            }
        }
        throw new IllegalArgumentException("no demo enterprise " + uscc);
    }

    /** All activity rows in a list (about 300k for the defaults; prefer {@link #forEachActivity(Consumer)}). */
    public List<DemoActivity> activities() {
        List<DemoActivity> all = new ArrayList<>();
        forEachActivity(all::add);
        return Collections.unmodifiableList(all);
    }

    public List<DemoActivity> activitiesOf(String uscc) {
        List<DemoActivity> rows = new ArrayList<>();
        forEachActivity(uscc, rows::add);
        return Collections.unmodifiableList(rows);
    }

    /** Whether the accounting engine implements the enterprise's methodology (not ALUMINIUM, CHEMICAL). */
    public static boolean computable(DemoEnterprise enterprise) {
        return DemoIndustry.of(enterprise.industryCode()).computable();
    }

    private Built built() {
        Built b = built;
        if (b == null) {
            synchronized (this) {
                b = built;
                if (b == null) {
                    b = build();
                    built = b;
                }
            }
        }
        return b;
    }

    /** Moves one from the largest count to {@code i} if {@code i} has none; the total stays. */
    private static void atLeastOne(int[] counts, int i) {
        if (counts[i] > 0) {
            return;
        }
        int largest = 0;
        for (int j = 1; j < counts.length; j++) {
            if (counts[j] > counts[largest]) {
                largest = j;
            }
        }
        counts[largest]--;
        counts[i]++;
    }

    private Built build() {
        DemoIndustry[] industries = DemoIndustry.values();
        double[] weights = new double[industries.length];
        for (int i = 0; i < industries.length; i++) {
            weights[i] = industries[i].per1200();
        }
        int[] perIndustry = Rng.apportion(enterpriseCount, weights);
        // the featured enterprise is a steel maker in Yangquan: a small province keeps one
        atLeastOne(perIndustry, DemoIndustry.STEEL.ordinal());

        List<DemoEnterprise> enterprises = new ArrayList<>(enterpriseCount);
        List<EnterpriseProfile> profiles = new ArrayList<>(enterpriseCount);
        Set<String> names = new HashSet<>(); // membership only, never iterated
        Set<String> codes = new HashSet<>();
        names.add(FEATURED_NAME_ZH);
        codes.add(FEATURED_USCC);
        long uscOffset = Math.floorMod(Rng.mix(seed ^ 0x5EED5EEDL), ORG_CODE_SPACE);
        DemoEnterprise featured = null;
        int index = 0;
        for (int i = 0; i < industries.length; i++) {
            DemoIndustry industry = industries[i];
            double[] cityWeights = new double[4];
            for (int c = 0; c < 4; c++) {
                cityWeights[c] = industry.cityWeight(c);
            }
            int[] perCity = Rng.apportion(perIndustry[i], cityWeights);
            boolean featuredHere = industry == DemoIndustry.STEEL;
            if (featuredHere) {
                atLeastOne(perCity, 2);
            }
            for (int c = 0; c < 4; c++) {
                String region = DemoIndustry.CITY_CODES.get(c);
                for (int k = 0; k < perCity[c]; k++, index++) {
                    SplittableRandom r = Rng.of(seed, STREAM_DIRECTORY, index);
                    boolean isFeatured = featuredHere && c == 2 && k == 0;
                    if (isFeatured) {
                        featured = new DemoEnterprise(FEATURED_USCC, FEATURED_NAME_ZH, FEATURED_NAME_EN, region,
                                industry.code(), SizeClass.MEDIUM, TransitionStage.MIDDLE, DemoOrganisations.ZERO_CARBON_PARK);
                        EnterpriseProfile profile = new EnterpriseProfile(featured, Rng.mix(seed ^ 0xFEA7L), true);
                        profile.eaf = true;
                        profile.draw(Rng.of(seed, STREAM_PROFILE, index), months);
                        profile.makeFeatured();
                        enterprises.add(featured);
                        profiles.add(profile);
                        continue;
                    }
                    SizeClass size = SizeClass.values()[Rng.weighted(r, industry.sizeWeight(0), industry.sizeWeight(1),
                            industry.sizeWeight(2), industry.sizeWeight(3))];
                    TransitionStage stage = stage(industry, r);
                    boolean eaf = industry == DemoIndustry.STEEL
                            && (size == SizeClass.SMALL || Rng.chance(r, size == SizeClass.MEDIUM ? 0.5 : 0.2));
                    String nameZh;
                    String nameEn;
                    do {
                        String[] trade = NameBook.tradeName(r);
                        String[] word = NameBook.industryWord(industry, eaf, r);
                        boolean withShi = r.nextBoolean();
                        nameZh = NameBook.cityZh(region) + (withShi ? "市" : "") + trade[0] + word[0];
                        nameEn = NameBook.cityEn(region) + " " + trade[1] + " " + word[1];
                    } while (!names.add(nameZh));
                    String park = park(industry, region, size, r);
                    String uscc;
                    long v = index;
                    do {
                        long n = Math.floorMod(v * ORG_CODE_STRIDE + uscOffset, ORG_CODE_SPACE);
                        uscc = withCheck("91" + region + organisationCode(base31(n)));
                        v += enterpriseCount + 1L;
                    } while (!codes.add(uscc));
                    DemoEnterprise enterprise = new DemoEnterprise(uscc, nameZh, nameEn, region, industry.code(), size,
                            stage, park);
                    EnterpriseProfile profile = new EnterpriseProfile(enterprise, Rng.of(seed, STREAM_ACTIVITY, index).nextLong(), false);
                    profile.eaf = eaf;
                    profile.draw(Rng.of(seed, STREAM_PROFILE, index), months);
                    enterprises.add(enterprise);
                    profiles.add(profile);
                }
            }
        }
        DemoProvince province = new DemoProvince(seed, firstMonth, months, DemoOrganisations.INSTITUTIONS,
                DemoOrganisations.PARKS, enterprises, Objects.requireNonNull(featured),
                DemoOrganisations.users(FEATURED_USCC), DemoOrganisations.CITIZENS);
        return new Built(province, List.copyOf(profiles));
    }

    private static TransitionStage stage(DemoIndustry industry, SplittableRandom r) {
        double[] w = switch (industry) {
            case WIND, SOLAR, BATTERY -> new double[] {0.15, 0.35, 0.50};
            case COAL, METAL_SCRAP, WASTE -> new double[] {0.35, 0.45, 0.20};
            default -> new double[] {0.45, 0.40, 0.15};
        };
        return TransitionStage.values()[Rng.weighted(r, w)];
    }

    private static String park(DemoIndustry industry, String region, SizeClass size, SplittableRandom r) {
        boolean parkable = switch (industry) {
            case COAL, THERMAL, CHP, WIND -> false;
            case SOLAR -> size == SizeClass.SMALL || size == SizeClass.MICRO; // distributed rooftop PV
            default -> true;
        };
        double draw = r.nextDouble();
        if (!parkable) {
            return null;
        }
        return switch (region) {
            case "140300" -> draw < 0.45 ? DemoOrganisations.ZERO_CARBON_PARK : draw < 0.70 ? "YQ-ETDZ" : null;
            case "140100" -> draw < 0.30 ? "TY-ZGQ" : null;
            case "140200" -> draw < 0.30 ? "DT-ETDZ" : null;
            case "140400" -> draw < 0.30 ? "CZ-HTZ" : null;
            default -> null;
        };
    }

    private static String base31(long n) {
        char[] chars = new char[8];
        for (int i = 7; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (n % 31));
            n /= 31;
        }
        return new String(chars);
    }

    /**
     * The 9-character organisation code (GB 11714): eight body characters and a mod-11 check character
     * (characters 9–17 of a USCC).
     */
    static String organisationCode(String body8) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int value = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += value * weights[i];
        }
        int c9 = 11 - sum % 11;
        char check = c9 == 10 ? 'X' : c9 == 11 ? '0' : (char) ('0' + c9);
        return body8 + check;
    }

    static String withCheck(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }
}
