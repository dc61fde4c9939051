package io.tanxin.accounting.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable, versioned set of emission and conversion factors. Indexed once at construction
 * because the engine looks factors up for every activity of every enterprise-month.
 */
public final class FactorSet {

    private final String code;
    private final int version;
    private final List<FuelFactor> fuels;
    private final List<ElectricityFactor> electricityFactors;
    private final List<ProcessFactor> processFactors;
    private final List<EnergyConversion> energyConversions;

    private final Map<String, FuelEntry> fuelsByCode;
    private final Map<String, ProcessEntry> processByCode;
    private final Map<String, EnergyEntry> energyByCode;
    private final GridFactorResolver grid;

    public FactorSet(String code, int version, List<FuelFactor> fuels, List<ElectricityFactor> electricityFactors,
                     List<ProcessFactor> processFactors, List<EnergyConversion> energyConversions) {
        this.code = code;
        this.version = version;
        this.fuels = List.copyOf(fuels);
        this.electricityFactors = List.copyOf(electricityFactors);
        this.processFactors = List.copyOf(processFactors);
        this.energyConversions = List.copyOf(energyConversions);

        Map<String, FuelEntry> fuelIndex = new HashMap<>();
        for (FuelFactor f : this.fuels) {
            putUnique(fuelIndex, f.code(), new FuelEntry(f), FactorSetCsv.FUELS);
        }
        Map<String, ProcessEntry> processIndex = new HashMap<>();
        for (ProcessFactor p : this.processFactors) {
            putUnique(processIndex, p.code(), new ProcessEntry(p), FactorSetCsv.PROCESS);
        }
        Map<String, EnergyEntry> energyIndex = new HashMap<>();
        for (EnergyConversion e : this.energyConversions) {
            putUnique(energyIndex, e.code(), new EnergyEntry(e), FactorSetCsv.ENERGY_CONVERSION);
        }
        this.fuelsByCode = Collections.unmodifiableMap(fuelIndex);
        this.processByCode = Collections.unmodifiableMap(processIndex);
        this.energyByCode = Collections.unmodifiableMap(energyIndex);
        this.grid = new GridFactorResolver(this.electricityFactors);
    }

    private static <V> void putUnique(Map<String, V> index, String key, V value, String file) {
        if (index.putIfAbsent(key, value) != null) {
            throw ReferenceCsv.invalid(file, 0, "代码重复：" + key, "duplicate code: " + key);
        }
    }

    public String code() {
        return code;
    }

    public int version() {
        return version;
    }

    public List<FuelFactor> fuels() {
        return fuels;
    }

    public List<ElectricityFactor> electricityFactors() {
        return electricityFactors;
    }

    public List<ProcessFactor> processFactors() {
        return processFactors;
    }

    public List<EnergyConversion> energyConversions() {
        return energyConversions;
    }

    public Optional<FuelFactor> fuel(String fuelCode) {
        FuelEntry entry = fuelEntry(fuelCode);
        return entry == null ? Optional.empty() : Optional.of(entry.factor);
    }

    public Optional<ProcessFactor> processFactor(String factorCode) {
        ProcessEntry entry = processEntry(factorCode);
        return entry == null ? Optional.empty() : Optional.of(entry.factor);
    }

    public Optional<EnergyConversion> energyConversion(String conversionCode) {
        EnergyEntry entry = energyEntry(conversionCode);
        return entry == null ? Optional.empty() : Optional.of(entry.factor);
    }

    /** Grid and heat factor choice for this set; its answers are cached per region and year. */
    public GridFactorResolver grid() {
        return grid;
    }

    FuelEntry fuelEntry(String fuelCode) {
        return fuelCode == null ? null : fuelsByCode.get(fuelCode);
    }

    ProcessEntry processEntry(String factorCode) {
        return factorCode == null ? null : processByCode.get(factorCode);
    }

    EnergyEntry energyEntry(String conversionCode) {
        return energyByCode.get(conversionCode);
    }

    /** A fuel with its defaults already shaped as the applied factors a line reports. */
    static final class FuelEntry {
        final FuelFactor factor;
        final AppliedFactor ncv;
        final AppliedFactor carbonContent;
        final AppliedFactor oxidation;
        final AppliedFactor carbonPerUnit;
        final java.math.BigDecimal defaultCarbonPerUnit;
        final boolean unconfirmed;

        FuelEntry(FuelFactor f) {
            this.factor = f;
            this.unconfirmed = FactorStatus.isUnconfirmed(f.status());
            this.ncv = new AppliedFactor(f.code(), f.nameZh() + " 低位发热量", f.ncvGjPerUnit(), f.ncvUnit(), null,
                    f.source(), f.status());
            this.carbonContent = new AppliedFactor(f.code(), f.nameZh() + " 单位热值含碳量", f.carbonContentTcPerGj(),
                    "tC/GJ", null, f.source(), f.status());
            this.oxidation = new AppliedFactor(f.code(), f.nameZh() + " 碳氧化率", f.oxidationRate(), "1", null,
                    f.source(), f.status());
            this.defaultCarbonPerUnit = f.ncvGjPerUnit().multiply(f.carbonContentTcPerGj());
            this.carbonPerUnit = new AppliedFactor(f.code(), f.nameZh() + " 含碳量(低位发热量×单位热值含碳量)",
                    defaultCarbonPerUnit, "tC/" + f.activityUnit().symbol(), null, f.source(), f.status());
        }
    }

    static final class ProcessEntry {
        final ProcessFactor factor;
        final AppliedFactor applied;
        final boolean unconfirmed;

        ProcessEntry(ProcessFactor p) {
            this.factor = p;
            this.unconfirmed = FactorStatus.isUnconfirmed(p.status());
            this.applied = new AppliedFactor(p.code(), p.nameZh(), p.value(), p.unit(), null, p.source(), p.status());
        }
    }

    static final class EnergyEntry {
        final EnergyConversion factor;
        final AppliedFactor applied;
        final boolean unconfirmed;

        EnergyEntry(EnergyConversion e) {
            this.factor = e;
            this.unconfirmed = FactorStatus.isUnconfirmed(e.status());
            this.applied = new AppliedFactor(e.code(), e.nameZh(), e.value(), e.unit(), null, e.source(), e.status());
        }
    }
}
