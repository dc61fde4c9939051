package io.tanxin.accounting.factors;

import java.util.ArrayList;
import java.util.List;

import io.tanxin.accounting.engine.ElectricityFactor;
import io.tanxin.accounting.engine.EnergyConversion;
import io.tanxin.accounting.engine.FactorSet;
import io.tanxin.accounting.engine.FuelFactor;
import io.tanxin.accounting.engine.ProcessFactor;
import io.tanxin.shared.Unit;

/** Maps the engine's typed factors to stored rows and back, losslessly. */
final class FactorRows {

    private FactorRows() {
    }

    static List<FactorRow> of(FactorSet set) {
        List<FactorRow> rows = new ArrayList<>();
        for (FuelFactor f : set.fuels()) {
            rows.add(new FactorRow(FactorRow.FUEL, f.code(), f.nameZh(), f.nameEn(), null, null, null, null, null,
                    f.ncvUnit(), f.activityUnit().symbol(), f.ncvGjPerUnit(), f.carbonContentTcPerGj(),
                    f.oxidationRate(), f.source(), f.status()));
        }
        for (ElectricityFactor f : set.electricityFactors()) {
            rows.add(new FactorRow(FactorRow.ELECTRICITY_HEAT, f.code(), f.nameZh(), null, f.region(), f.dataYear(),
                    null, f.basis(), f.value(), f.unit(), null, null, null, null, f.source(), f.status()));
        }
        for (ProcessFactor f : set.processFactors()) {
            rows.add(new FactorRow(FactorRow.PROCESS, f.code(), f.nameZh(), null, null, null, f.industry(), null,
                    f.value(), f.unit(), null, null, null, null, f.source(), f.status()));
        }
        for (EnergyConversion f : set.energyConversions()) {
            rows.add(new FactorRow(FactorRow.ENERGY_CONVERSION, f.code(), f.nameZh(), null, null, null, null, null,
                    f.value(), f.unit(), null, null, null, null, f.source(), f.status()));
        }
        return rows;
    }

    static FactorSet toSet(String code, int version, List<FactorRow> rows) {
        List<FuelFactor> fuels = new ArrayList<>();
        List<ElectricityFactor> electricity = new ArrayList<>();
        List<ProcessFactor> process = new ArrayList<>();
        List<EnergyConversion> energy = new ArrayList<>();
        for (FactorRow r : rows) {
            switch (r.category()) {
                case FactorRow.FUEL -> fuels.add(new FuelFactor(r.code(), r.nameZh(), r.nameEn(),
                        Unit.parse(r.activityUnit()), r.ncv(), r.carbonContent(), r.oxidationRate(), r.source(),
                        r.status()));
                case FactorRow.ELECTRICITY_HEAT -> electricity.add(new ElectricityFactor(r.code(), r.nameZh(),
                        r.region(), r.dataYear(), r.value(), r.unit(), r.basis(), r.source(), r.status()));
                case FactorRow.PROCESS -> process.add(new ProcessFactor(r.code(), r.nameZh(), r.industry(), r.value(),
                        r.unit(), r.source(), r.status()));
                case FactorRow.ENERGY_CONVERSION -> energy.add(new EnergyConversion(r.code(), r.nameZh(), r.value(),
                        r.unit(), r.source(), r.status()));
                default -> throw new IllegalStateException("unknown factor category " + r.category());
            }
        }
        return new FactorSet(code, version, fuels, electricity, process, energy);
    }
}
