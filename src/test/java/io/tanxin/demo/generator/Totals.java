package io.tanxin.demo.generator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test-side yearly aggregates of one enterprise, with emissions from the default factors. */
final class Totals {

    double combustion;
    double combustionEnergyGj;
    double process;
    double electricityPurchased;
    double greenElectricity;
    double electricityExported;
    double heatPurchased;
    double heatExported;
    double clinkerCalcination;
    double rawMeal;
    double cokingCarbonBalance;
    double valueAdded;
    final Map<String, Double> outputs = new TreeMap<>();
    final Map<String, Double> fuels = new TreeMap<>();

    static Map<String, Totals> byEnterprise(List<DemoActivity> activities, int year) {
        Map<String, Totals> map = new HashMap<>();
        for (DemoActivity a : activities) {
            if (year == 0 || a.period().getYear() == year) {
                map.computeIfAbsent(a.uscc(), k -> new Totals()).add(a);
            }
        }
        return map;
    }

    void add(DemoActivity a) {
        double q = a.quantity().doubleValue();
        switch (a.kind()) {
            case FUEL -> {
                combustion += q * DemoFactors.FUEL.get(a.code());
                combustionEnergyGj += q * DemoFactors.NCV.get(a.code());
                fuels.merge(a.code(), q, Double::sum);
            }
            case FLUX, ELECTRODE, PURCHASED_IRON, FIXED_CARBON_PRODUCT -> process += q * DemoFactors.PROCESS.get(a.code());
            case ELECTRICITY_PURCHASED -> electricityPurchased += q;
            case GREEN_ELECTRICITY -> greenElectricity += q;
            case ELECTRICITY_EXPORTED -> electricityExported += q;
            case HEAT_PURCHASED -> heatPurchased += q;
            case HEAT_EXPORTED -> heatExported += q;
            case CLINKER -> {
                if (a.parameters().isEmpty()) {
                    clinkerCalcination += q * 0.52;
                } else {
                    clinkerCalcination += q * (a.parameters().get("cao").doubleValue() * 0.785714
                            + a.parameters().get("mgo").doubleValue() * 1.091571);
                }
            }
            case RAW_MEAL -> rawMeal += q;
            case COKING_INPUT -> cokingCarbonBalance += q * DemoFactors.CARBON.get(a.code());
            case COKING_OUTPUT -> cokingCarbonBalance -= q * DemoFactors.CARBON.get(a.code());
            case OUTPUT -> outputs.merge(a.code(), q, Double::sum);
            case VALUE_ADDED -> valueAdded += q;
        }
    }

    double output(String code) {
        return outputs.getOrDefault(code, 0.0);
    }

    double fuel(String code) {
        return fuels.getOrDefault(code, 0.0);
    }

    /** Combustion + process (steel) + location-based electricity and heat, net of exports. */
    double scope1And2() {
        return combustion + process + (electricityPurchased - electricityExported) * DemoFactors.GRID
                + (heatPurchased - heatExported) * DemoFactors.HEAT;
    }

    /** Everything, including clinker calcination, raw-meal organic carbon and the coking carbon balance. */
    double total() {
        return scope1And2() + clinkerCalcination + 0.001 * rawMeal * 44 / 12 + cokingCarbonBalance * 44 / 12;
    }
}
