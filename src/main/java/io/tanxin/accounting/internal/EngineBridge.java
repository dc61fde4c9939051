package io.tanxin.accounting.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tanxin.accounting.ActivityLine;
import io.tanxin.accounting.RunResult;
import io.tanxin.accounting.engine.Activity;
import io.tanxin.accounting.engine.ActivityKind;
import io.tanxin.accounting.engine.AppliedFactor;
import io.tanxin.accounting.engine.CalculationException;
import io.tanxin.accounting.engine.CalculationInput;
import io.tanxin.accounting.engine.CalculationLine;
import io.tanxin.accounting.engine.CalculationResult;
import io.tanxin.accounting.engine.CarbonEngine;
import io.tanxin.accounting.engine.FactorSet;
import io.tanxin.accounting.engine.Intensity;
import io.tanxin.accounting.engine.LineCategory;
import io.tanxin.accounting.engine.Methodology;
import io.tanxin.accounting.engine.Note;
import io.tanxin.directory.Region;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.Unit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Between the module and its plain-Java engine: turns recorded lines into engine inputs, runs
 * the engine, and turns its results into stored runs and API records.
 */
@Component
public class EngineBridge {

    public static final String ENGINE_VERSION = CarbonEngine.VERSION;

    private final CarbonEngine engine = new CarbonEngine();
    private final JsonMapper json;

    EngineBridge(JsonMapper json) {
        this.json = json;
    }

    public record Outcome(CalculationResult result, String inputHash) {
    }

    public boolean isImplemented(String methodology) {
        return methodology(methodology).isImplemented();
    }

    public Outcome calculate(String methodology, Region region, int year, List<ActivityLine> lines, FactorSet factors) {
        CalculationInput input = new CalculationInput(methodology(methodology), region.provinceCode(),
                region.gridRegion(), year, activities(lines));
        return new Outcome(engine.calculate(input, factors), input.canonicalHash(factors));
    }

    /** What can be checked without a methodology: kinds, units and signs. */
    public void validateUnitsAndKinds(List<ActivityLine> lines) {
        for (ActivityLine line : lines) {
            kind(line.kind());
            Unit.parse(line.unit());
            if (line.quantity().signum() < 0) {
                throw new DomainException("NEGATIVE_QUANTITY", "数量不能为负：" + line.quantity(),
                        "Quantity must not be negative: " + line.quantity());
            }
        }
    }

    /** One enterprise-month as a new run; a month the rules refuse becomes a NOT_COMPUTABLE run. */
    public RunStore.NewRun run(ActivityStore.StoredSet set, String methodology, Region region, FactorSet factors) {
        Methodology m = methodology(methodology);
        CalculationInput input;
        try {
            input = new CalculationInput(m, region.provinceCode(), region.gridRegion(), set.month().getYear(),
                    activities(set.lines()));
        } catch (DomainException e) {
            return notComputable(set, methodology, "", factors, e);
        }
        String hash = input.canonicalHash(factors);
        try {
            CalculationResult r = engine.calculate(input, factors);
            return new RunStore.NewRun(set.uscc(), set.month(), set.id(), "COMPUTED", m.name(), hash, factors.code(),
                    factors.version(), ENGINE_VERSION, null, r.scope1Tco2e(), r.scope2LocationTco2e(),
                    r.scope2MarketTco2e(), r.exportedLocationTco2e(), r.exportedMarketTco2e(), r.totalLocationTco2e(),
                    r.totalMarketTco2e(), r.energyTce(), json.writeValueAsString(toRunResult(r)));
        } catch (CalculationException e) {
            return notComputable(set, m.name(), hash, factors, e);
        }
    }

    private RunStore.NewRun notComputable(ActivityStore.StoredSet set, String methodology, String hash,
            FactorSet factors, DomainException e) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("messageZh", e.messageZh());
        error.put("messageEn", e.messageEn());
        return new RunStore.NewRun(set.uscc(), set.month(), set.id(), "NOT_COMPUTABLE", methodology, hash,
                factors.code(), factors.version(), ENGINE_VERSION, e.code(), null, null, null, null, null, null, null,
                null, json.writeValueAsString(Map.of("error", error)));
    }

    public RunResult read(String stored) {
        return STORED.readValue(stored, RunResult.class);
    }

    /**
     * Reads runs back as they were written: not through the application's mapper, whose request
     * guards (plausible numbers, no NUL) are for what comes in from outside, not for our own figures.
     */
    private static final JsonMapper STORED = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * The stored result of run {@code runId}, parsed once: a run is never changed after it is stored
     * (a recalculation is a new run with a new id), so its id is a complete version of its content.
     * Parsing the JSON of an account's twelve runs was most of the cost of assembling an account, and
     * a credit report assembles three.
     */
    public RunResult read(long runId, String stored) {
        return parsed.get(runId, id -> read(stored));
    }

    /** The parsed result of a run if it is cached, else null. */
    public RunResult cached(long runId) {
        return parsed.getIfPresent(runId);
    }

    // bounded: about the runs of the last few hundred enterprises read, a few MB
    private final com.github.benmanes.caffeine.cache.Cache<Long, RunResult> parsed =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(PARSED_RUNS).build();
    static final int PARSED_RUNS = 8192;

    public RunResult toRunResult(CalculationResult r) {
        List<RunResult.Line> lines = new ArrayList<>(r.lines().size());
        Map<String, RunResult.Denominator> denominators = new LinkedHashMap<>();
        for (CalculationLine l : r.lines()) {
            lines.add(new RunResult.Line(l.kind().name(), l.code(), l.quantity(), l.unit(), l.convertedQuantity(),
                    l.convertedUnit(), l.category().name(), l.tco2eLocation(), l.tco2eMarket(),
                    l.factors().stream().map(EngineBridge::factor).toList(), notes(l.notes())));
            if (l.category() == LineCategory.DENOMINATOR && l.convertedQuantity() != null) {
                String basis = l.kind() == ActivityKind.VALUE_ADDED ? Intensity.VALUE_ADDED
                        : Intensity.OUTPUT_PREFIX + l.code();
                denominators.merge(basis, new RunResult.Denominator(l.convertedQuantity(), l.convertedUnit()),
                        (a, b) -> new RunResult.Denominator(a.quantity().add(b.quantity()), a.unit()));
            }
        }
        if (r.energyTce() != null) {
            denominators.put(Intensity.ENERGY, new RunResult.Denominator(r.energyTce(), "tce"));
        }
        Map<String, BigDecimal> bySource = new LinkedHashMap<>();
        r.scope1BySource().forEach((k, v) -> bySource.put(k.name(), v));
        return new RunResult(r.methodology().name(), r.scope1Tco2e(), bySource, r.scope2LocationTco2e(),
                r.scope2MarketTco2e(), r.exportedLocationTco2e(), r.exportedMarketTco2e(), r.totalLocationTco2e(),
                r.totalMarketTco2e(), r.energyTce(), lines,
                r.intensities().stream().map(i -> new RunResult.IntensityValue(i.basis(), i.value(), i.unit())).toList(),
                denominators, notes(r.notes()), r.dataQualityFlags().stream().map(Enum::name).toList());
    }

    private static RunResult.Factor factor(AppliedFactor f) {
        return new RunResult.Factor(f.code(), f.nameZh(), f.value(), f.unit(), f.dataYear(), f.source(), f.status());
    }

    private static List<RunResult.Note> notes(List<Note> notes) {
        return notes.stream().map(n -> new RunResult.Note(n.zh(), n.en())).toList();
    }

    private static List<Activity> activities(List<ActivityLine> lines) {
        List<Activity> activities = new ArrayList<>(lines.size());
        for (ActivityLine l : lines) {
            activities.add(new Activity(kind(l.kind()), l.code(), l.quantity(), l.unit(), l.parameters()));
        }
        return activities;
    }

    private static ActivityKind kind(String kind) {
        try {
            return ActivityKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException("UNKNOWN_ACTIVITY_KIND", "未知的活动数据类型：" + kind,
                    "Unknown activity kind: " + kind);
        }
    }

    private static Methodology methodology(String name) {
        return Methodology.valueOf(name);
    }
}
