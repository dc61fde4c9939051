package io.tanxin.accounting.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the grid factor for Scope 2 (DESIGN §5.3).
 *
 * <p>Series are tried from the most specific region to the least: provincial (region = province
 * code), regional grid (region = grid region), national ("CN"). A series with the data year
 * itself wins first. Only when none has the year do we take the most specific series whose latest
 * published year is older than the data year, and say which year was used: factors are published
 * two years late, so an account for a recent year would otherwise never close. A data year older
 * than every series (or inside a gap of all of them) is FACTOR_MISSING, never zero.
 *
 * <p>The market-residual factor follows the same search but is published only nationally, so
 * using the national one is not reported as a fallback.
 *
 * <p>ETS compliance factors are never chosen here: they are for the power ETS view only. The
 * answers depend only on (province, region, year, basis) and are cached.
 */
public final class GridFactorResolver {

    static final String NATIONAL = "CN";
    static final String PER_MWH = "tCO2/MWh";
    static final String PER_GJ = "tCO2/GJ";
    static final String PURCHASED_HEAT = "PURCHASED_HEAT";

    private final Map<String, TreeMap<Integer, ElectricityFactor>> seriesByRegionAndBasis = new HashMap<>();
    private final TreeMap<Integer, ElectricityFactor> datedHeat = new TreeMap<>();
    private ElectricityFactor undatedHeat;
    private final Map<Key, ResolvedGridFactor> cache = new ConcurrentHashMap<>();

    private record Key(String province, String region, int year, String basis) {
    }

    GridFactorResolver(List<ElectricityFactor> factors) {
        for (ElectricityFactor f : factors) {
            if (ElectricityFactor.ETS_COMPLIANCE.equals(f.basis())) {
                continue;
            }
            if (PURCHASED_HEAT.equals(f.code())) {
                if (!PER_GJ.equals(f.unit())) {
                    throw ReferenceCsv.invalid(FactorSetCsv.ELECTRICITY_HEAT, 0, "外购热力因子单位应为" + PER_GJ + "：" + f.unit(),
                            "purchased heat factor must be in " + PER_GJ + ": " + f.unit());
                }
                if (f.dataYear() == null) {
                    undatedHeat = f;
                } else {
                    datedHeat.put(f.dataYear(), f);
                }
            } else if (f.dataYear() != null && PER_MWH.equals(f.unit())) {
                seriesByRegionAndBasis.computeIfAbsent(f.region() + '|' + f.basis(), k -> new TreeMap<>())
                        .put(f.dataYear(), f);
            }
        }
    }

    /** Location-based factor: provincial, else regional, else national. */
    public ResolvedGridFactor location(String provinceCode, String gridRegion, int year) {
        return resolve(provinceOf(provinceCode), gridRegion, year, ElectricityFactor.LOCATION);
    }

    /** Factor excluding market-traded non-fossil power, for the market-based Scope 2. */
    public ResolvedGridFactor marketResidual(String provinceCode, String gridRegion, int year) {
        return resolve(provinceOf(provinceCode), gridRegion, year, ElectricityFactor.MARKET_RESIDUAL);
    }

    /** Purchased-heat factor (tCO2/GJ): the year's if published, else the latest, else the undated default. */
    public ResolvedGridFactor heat(int year) {
        return cache.computeIfAbsent(new Key(null, null, year, PURCHASED_HEAT), k -> resolveHeat(year));
    }

    private ResolvedGridFactor resolve(String province, String region, int year, String basis) {
        Key key = new Key(province, region, year, basis);
        ResolvedGridFactor cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        ResolvedGridFactor resolved = choose(province, region, year, basis);
        cache.putIfAbsent(key, resolved);
        return resolved;
    }

    private ResolvedGridFactor choose(String province, String region, int year, String basis) {
        List<String> candidates = new ArrayList<>(3);
        for (String c : new String[] {province, region, NATIONAL}) {
            if (c != null && !c.isBlank() && !candidates.contains(c)) {
                candidates.add(c);
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            TreeMap<Integer, ElectricityFactor> series = seriesByRegionAndBasis.get(candidates.get(i) + '|' + basis);
            if (series != null && series.containsKey(year)) {
                return resolved(series.get(year), year, i > 0, candidates.get(0), basis);
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            TreeMap<Integer, ElectricityFactor> series = seriesByRegionAndBasis.get(candidates.get(i) + '|' + basis);
            if (series != null && series.lastKey() < year) {
                return resolved(series.lastEntry().getValue(), year, i > 0, candidates.get(0), basis);
            }
        }
        throw new CalculationException(CalculationErrorCode.FACTOR_MISSING,
                "没有适用于" + year + "年的电网排放因子（" + basis + "，地区：" + String.join("、", candidates) + "）",
                "No grid emission factor for " + year + " (" + basis + ", regions: " + String.join(", ", candidates) + ")");
    }

    private static ResolvedGridFactor resolved(ElectricityFactor f, int year, boolean regionFallback,
                                               String requestedRegion, String basis) {
        boolean yearFallback = f.dataYear() != year;
        // the residual factor is published only nationally, so taking it is the rule, not a fallback
        regionFallback = regionFallback && ElectricityFactor.LOCATION.equals(basis);
        List<Note> notes = new ArrayList<>(2);
        if (regionFallback) {
            notes.add(new Note("GRID_FACTOR_REGION_FALLBACK",
                    "无" + requestedRegion + "的" + year + "年电网排放因子（" + basis + "），采用" + f.code() + "（" + f.region() + "）",
                    "No " + basis + " grid factor for " + requestedRegion + " in " + year + "; used " + f.code()
                            + " (" + f.region() + ")"));
        }
        if (yearFallback) {
            notes.add(new Note("GRID_FACTOR_YEAR_FALLBACK",
                    year + "年电网排放因子尚未发布，采用" + f.code() + "最新发布的" + f.dataYear() + "年因子" + f.value().toPlainString()
                            + " " + f.unit(),
                    "The " + year + " grid factor is not published yet; used " + f.code() + " for " + f.dataYear()
                            + " (latest published), " + f.value().toPlainString() + " " + f.unit()));
        }
        return new ResolvedGridFactor(f, applied(f), yearFallback, regionFallback,
                FactorStatus.isUnconfirmed(f.status()), notes);
    }

    private ResolvedGridFactor resolveHeat(int year) {
        ElectricityFactor exact = datedHeat.get(year);
        if (exact != null) {
            return new ResolvedGridFactor(exact, applied(exact), false, false,
                    FactorStatus.isUnconfirmed(exact.status()), List.of());
        }
        if (!datedHeat.isEmpty() && datedHeat.lastKey() < year) {
            ElectricityFactor latest = datedHeat.lastEntry().getValue();
            return resolved(latest, year, false, NATIONAL, "heat");
        }
        if (undatedHeat != null) {
            return new ResolvedGridFactor(undatedHeat, applied(undatedHeat), false, false,
                    FactorStatus.isUnconfirmed(undatedHeat.status()), List.of());
        }
        throw new CalculationException(CalculationErrorCode.FACTOR_MISSING,
                "没有适用于" + year + "年的外购热力排放因子", "No purchased-heat emission factor for " + year);
    }

    private static AppliedFactor applied(ElectricityFactor f) {
        return new AppliedFactor(f.code(), f.nameZh(), f.value(), f.unit(), f.dataYear(), f.source(), f.status());
    }

    /** GB/T 2260: the first two digits name the province, so a city code also finds its province. */
    static String provinceOf(String regionCode) {
        if (regionCode == null) {
            return null;
        }
        String code = regionCode.trim();
        if (code.length() == 6 && !code.endsWith("0000") && code.chars().allMatch(Character::isDigit)) {
            return code.substring(0, 2) + "0000";
        }
        return code;
    }
}
