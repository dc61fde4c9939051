package io.tanxin.accounting.engine;

import io.tanxin.shared.DomainException;
import io.tanxin.shared.Unit;
import java.math.BigDecimal;

import io.tanxin.shared.PlausibleNumbers;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * One run of the engine over one input: walks the activities once, accumulating unrounded sums,
 * then rounds at the end. Not thread-safe and not reusable; {@link CarbonEngine} makes one per call.
 */
final class Calculation {

    /** Internal precision of tonnes where a division cannot terminate (44/12); far below reported 6 dp. */
    private static final int INTERNAL_SCALE = 12;
    private static final int REPORTED_SCALE = 6;
    private static final BigDecimal ELEVEN = BigDecimal.valueOf(11);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);


    private final CalculationInput input;
    private final FactorSet factors;
    private final Methodology methodology;

    private final List<CalculationLine> lines;
    private final List<Note> notes = new ArrayList<>(4);
    private final EnumSet<DataQualityFlag> flags = EnumSet.noneOf(DataQualityFlag.class);

    private BigDecimal combustion = BigDecimal.ZERO;
    private BigDecimal process = BigDecimal.ZERO;
    private BigDecimal fixedCarbon = BigDecimal.ZERO;
    private BigDecimal cokingNet = BigDecimal.ZERO;
    private boolean coking;
    private BigDecimal electricityLocation = BigDecimal.ZERO;
    private BigDecimal electricityMarket = BigDecimal.ZERO;
    private BigDecimal heat = BigDecimal.ZERO;
    private BigDecimal exportedElectricityLocation = BigDecimal.ZERO;
    private BigDecimal exportedElectricityMarket = BigDecimal.ZERO;
    private BigDecimal exportedHeat = BigDecimal.ZERO;

    private BigDecimal purchasedMwh = BigDecimal.ZERO;
    private BigDecimal greenMwh = BigDecimal.ZERO;
    private BigDecimal exportedMwh = BigDecimal.ZERO;
    private BigDecimal purchasedHeatGj = BigDecimal.ZERO;
    private BigDecimal exportedHeatGj = BigDecimal.ZERO;
    private BigDecimal fuelGj = BigDecimal.ZERO;
    private boolean anyFuel;
    private boolean anyElectricity;
    private boolean anyHeat;

    private final Denominators denominators = new Denominators();

    private ResolvedGridFactor locationFactor;
    private ResolvedGridFactor marketFactor;
    private ResolvedGridFactor heatFactor;

    private int index;
    private Activity activity;

    Calculation(CalculationInput input, FactorSet factors) {
        this.input = input;
        this.factors = factors;
        this.methodology = input.methodology();
        this.lines = new ArrayList<>(input.activities().size());
    }

    CalculationResult run() {
        if (methodology == null) {
            throw new CalculationException(CalculationErrorCode.INVALID_PARAMETER, "未指定核算方法", "No methodology given");
        }
        if (!methodology.isImplemented()) {
            throw new CalculationException(CalculationErrorCode.METHODOLOGY_NOT_IMPLEMENTED,
                    "核算方法" + methodology + "尚未实现，不以其他方法代算",
                    "Methodology " + methodology + " is not implemented; no other rule is applied in its place");
        }
        List<Activity> activities = input.activities();
        for (index = 0; index < activities.size(); index++) {
            activity = activities.get(index);
            validate();
            lines.add(line());
        }
        activity = null;
        if (greenMwh.compareTo(purchasedMwh) > 0) {
            throw new CalculationException(CalculationErrorCode.GREEN_EXCEEDS_PURCHASED,
                    "绿电" + plain(greenMwh) + " MWh超过外购电量" + plain(purchasedMwh) + " MWh",
                    "Green electricity " + plain(greenMwh) + " MWh exceeds purchased electricity "
                            + plain(purchasedMwh) + " MWh");
        }
        if (coking && cokingNet.signum() < 0) {
            throw new CalculationException(CalculationErrorCode.INVALID_PARAMETER,
                    "炼焦碳平衡为负：产出含碳多于投入（" + plain(round(cokingNet)) + " tCO2）",
                    "Coking carbon balance is negative: outputs carry more carbon than inputs ("
                            + plain(round(cokingNet)) + " tCO2)");
        }
        return result();
    }

    private void validate() {
        Activity a = activity;
        if (a == null || a.kind() == null || a.quantity() == null || a.unit() == null) {
            throw fail(CalculationErrorCode.INVALID_PARAMETER, "类型、数量和单位均为必填", "kind, quantity and unit are required");
        }
        if (!methodology.allows(a.kind())) {
            throw fail(CalculationErrorCode.ACTIVITY_NOT_ALLOWED,
                    a.kind() + "不适用于核算方法" + methodology,
                    a.kind() + " is not allowed under methodology " + methodology);
        }
        PlausibleNumbers.problem(a.quantity()).ifPresent(p -> {
            throw fail(CalculationErrorCode.ABSURD_VALUE, "数量：" + p.messageZh(), "quantity: " + p.messageEn());
        });
        for (Map.Entry<String, BigDecimal> p : a.parameters().entrySet()) {
            PlausibleNumbers.problem(p.getValue(), PlausibleNumbers.PARAMETER_LIMIT).ifPresent(why -> {
                throw fail(CalculationErrorCode.ABSURD_VALUE, "参数“" + p.getKey() + "”：" + why.messageZh(),
                        "parameter \"" + p.getKey() + "\": " + why.messageEn());
            });
        }
        if (a.quantity().signum() < 0) {
            throw fail(CalculationErrorCode.NEGATIVE_QUANTITY,
                    "数量不能为负：" + a.quantity().toPlainString(),
                    "quantity must not be negative: " + a.quantity().toPlainString());
        }
        if (!a.parameters().isEmpty()) {
            for (Map.Entry<String, BigDecimal> p : a.parameters().entrySet()) {
                if (!a.kind().parameterNames().contains(p.getKey())) {
                    throw fail(CalculationErrorCode.INVALID_PARAMETER,
                            "未知参数“" + p.getKey() + "”，可用：" + a.kind().parameterNames(),
                            "unknown parameter \"" + p.getKey() + "\"; allowed: " + a.kind().parameterNames());
                }
                if (p.getValue() == null || p.getValue().signum() < 0) {
                    throw fail(CalculationErrorCode.INVALID_PARAMETER,
                            "参数“" + p.getKey() + "”须为非负数：" + p.getValue(),
                            "parameter \"" + p.getKey() + "\" must be a non-negative number: " + p.getValue());
                }
            }
        }
    }

    private CalculationLine line() {
        switch (activity.kind()) {
            case FUEL:
                return fuel();
            case ELECTRICITY_PURCHASED:
                return purchasedElectricity();
            case GREEN_ELECTRICITY:
                return greenElectricity();
            case ELECTRICITY_EXPORTED:
                return exportedElectricity();
            case HEAT_PURCHASED:
                return purchasedHeat();
            case HEAT_EXPORTED:
                return exportedHeat();
            case FLUX:
            case ELECTRODE:
            case PURCHASED_IRON:
                return processFactorLine(false);
            case FIXED_CARBON_PRODUCT:
                return processFactorLine(true);
            case CLINKER:
            case KILN_DUST:
                return calcination();
            case RAW_MEAL:
                return rawMeal();
            case COKING_INPUT:
                return cokingCarbon(true);
            case COKING_OUTPUT:
                return cokingCarbon(false);
            case OUTPUT:
                return output();
            case VALUE_ADDED:
                return valueAdded();
            default:
                throw new IllegalStateException("unhandled kind " + activity.kind());
        }
    }

    // ---- Scope 1: combustion ----

    private CalculationLine fuel() {
        FactorSet.FuelEntry fuel = fuelEntry(activity.code());
        FuelFactor f = fuel.factor;
        BigDecimal ad = convert(f.activityUnit());
        BigDecimal ncv = f.ncvGjPerUnit();
        BigDecimal cc = f.carbonContentTcPerGj();
        BigDecimal of = f.oxidationRate();
        List<AppliedFactor> applied;
        List<Note> lineNotes = List.of();
        Map<String, BigDecimal> params = activity.parameters();
        if (params.isEmpty()) {
            applied = List.of(fuel.ncv, fuel.carbonContent, fuel.oxidation, tceEntry().applied);
        } else {
            BigDecimal measuredNcv = params.get("ncv");
            BigDecimal measuredCc = params.get("carbonContent");
            BigDecimal measuredOf = params.get("oxidationRate");
            if (measuredOf != null && measuredOf.compareTo(BigDecimal.ONE) > 0) {
                throw fail(CalculationErrorCode.INVALID_PARAMETER, "碳氧化率不能大于1：" + plain(measuredOf),
                        "oxidation rate cannot exceed 1: " + plain(measuredOf));
            }
            applied = new ArrayList<>(4);
            List<String> measuredNames = new ArrayList<>(3);
            if (measuredNcv != null) {
                ncv = measuredNcv;
                applied.add(AppliedFactor.measured(f.code(), f.nameZh() + " 低位发热量(实测)", ncv, f.ncvUnit()));
                measuredNames.add("ncv=" + plain(ncv) + " " + f.ncvUnit());
            } else {
                applied.add(fuel.ncv);
            }
            if (measuredCc != null) {
                cc = measuredCc;
                applied.add(AppliedFactor.measured(f.code(), f.nameZh() + " 单位热值含碳量(实测)", cc, "tC/GJ"));
                measuredNames.add("carbonContent=" + plain(cc) + " tC/GJ");
            } else {
                applied.add(fuel.carbonContent);
            }
            if (measuredOf != null) {
                of = measuredOf;
                applied.add(AppliedFactor.measured(f.code(), f.nameZh() + " 碳氧化率(实测)", of, "1"));
                measuredNames.add("oxidationRate=" + plain(of));
            } else {
                applied.add(fuel.oxidation);
            }
            applied.add(tceEntry().applied);
            String which = String.join(", ", measuredNames);
            Note note = new Note("MEASURED_FUEL_PARAMETERS",
                    f.nameZh() + "采用企业实测值替代缺省值：" + which,
                    f.nameEn() + ": measured values replace the defaults: " + which);
            lineNotes = List.of(note);
            addNote(note);
            flags.add(DataQualityFlag.MEASURED_VALUES_USED);
        }
        if (fuel.unconfirmed) {
            flags.add(DataQualityFlag.UNCONFIRMED_FACTOR);
        }
        BigDecimal gj = ad.multiply(ncv);
        BigDecimal co2 = co2FromCarbon(gj.multiply(cc).multiply(of));
        fuelGj = fuelGj.add(gj);
        anyFuel = true;
        combustion = combustion.add(co2);
        return line(ad, f.activityUnit().symbol(), co2, co2, LineCategory.SCOPE1_COMBUSTION, applied, lineNotes);
    }

    // ---- Scope 2 and exports ----

    private CalculationLine purchasedElectricity() {
        BigDecimal mwh = convert(Unit.MWH);
        ResolvedGridFactor location = locationFactor();
        ResolvedGridFactor market = marketFactor();
        BigDecimal loc = mwh.multiply(location.factor().value());
        BigDecimal mkt = mwh.multiply(market.factor().value());
        purchasedMwh = purchasedMwh.add(mwh);
        electricityLocation = electricityLocation.add(loc);
        electricityMarket = electricityMarket.add(mkt);
        anyElectricity = true;
        return line(mwh, Unit.MWH.symbol(), loc, mkt, LineCategory.SCOPE2_ELECTRICITY,
                List.of(location.applied(), market.applied(), electricityEntry().applied), gridNotes(location, market));
    }

    /** Green power counts zero in the market-based total: it removes its MWh at the residual factor. */
    private CalculationLine greenElectricity() {
        BigDecimal mwh = convert(Unit.MWH);
        ResolvedGridFactor market = marketFactor();
        BigDecimal mkt = mwh.multiply(market.factor().value()).negate();
        greenMwh = greenMwh.add(mwh);
        electricityMarket = electricityMarket.add(mkt);
        return line(mwh, Unit.MWH.symbol(), BigDecimal.ZERO, mkt, LineCategory.SCOPE2_ELECTRICITY,
                List.of(market.applied()), market.notes());
    }

    private CalculationLine exportedElectricity() {
        BigDecimal mwh = convert(Unit.MWH);
        ResolvedGridFactor location = locationFactor();
        ResolvedGridFactor market = marketFactor();
        BigDecimal loc = mwh.multiply(location.factor().value());
        BigDecimal mkt = mwh.multiply(market.factor().value());
        exportedMwh = exportedMwh.add(mwh);
        exportedElectricityLocation = exportedElectricityLocation.add(loc);
        exportedElectricityMarket = exportedElectricityMarket.add(mkt);
        anyElectricity = true;
        return line(mwh, Unit.MWH.symbol(), loc.negate(), mkt.negate(), LineCategory.EXPORT,
                List.of(location.applied(), market.applied(), electricityEntry().applied), gridNotes(location, market));
    }

    private CalculationLine purchasedHeat() {
        BigDecimal gj = convert(Unit.GJ);
        ResolvedGridFactor factor = heatFactor();
        BigDecimal co2 = gj.multiply(factor.factor().value());
        purchasedHeatGj = purchasedHeatGj.add(gj);
        heat = heat.add(co2);
        anyHeat = true;
        return line(gj, Unit.GJ.symbol(), co2, co2, LineCategory.SCOPE2_HEAT,
                List.of(factor.applied(), heatEntry().applied), factor.notes());
    }

    private CalculationLine exportedHeat() {
        BigDecimal gj = convert(Unit.GJ);
        ResolvedGridFactor factor = heatFactor();
        BigDecimal co2 = gj.multiply(factor.factor().value());
        exportedHeatGj = exportedHeatGj.add(gj);
        exportedHeat = exportedHeat.add(co2);
        anyHeat = true;
        return line(gj, Unit.GJ.symbol(), co2.negate(), co2.negate(), LineCategory.EXPORT,
                List.of(factor.applied(), heatEntry().applied), factor.notes());
    }

    // ---- Scope 1: process (steel) ----

    private CalculationLine processFactorLine(boolean fixedInProduct) {
        List<String> allowed = activity.kind().processFactorCodes();
        String code = activity.code();
        if (code == null && allowed.size() == 1) {
            code = allowed.get(0);
        }
        if (code == null || !allowed.contains(code)) {
            throw fail(CalculationErrorCode.UNKNOWN_PROCESS_FACTOR,
                    "未知的过程排放因子代码“" + code + "”，可用：" + allowed,
                    "unknown process factor code \"" + code + "\"; allowed: " + allowed);
        }
        FactorSet.ProcessEntry entry = processEntry(code);
        BigDecimal tonnes = convert(Unit.T);
        BigDecimal co2 = tonnes.multiply(entry.factor.value());
        if (entry.unconfirmed) {
            flags.add(DataQualityFlag.UNCONFIRMED_FACTOR);
        }
        if (fixedInProduct) {
            fixedCarbon = fixedCarbon.add(co2);
            return line(tonnes, Unit.T.symbol(), co2.negate(), co2.negate(), LineCategory.FIXED_CARBON,
                    List.of(entry.applied), List.of());
        }
        process = process.add(co2);
        return line(tonnes, Unit.T.symbol(), co2, co2, LineCategory.SCOPE1_PROCESS, List.of(entry.applied), List.of());
    }

    // ---- Scope 1: process (cement) ----

    /**
     * Clinker and kiln dust: with CaO and MgO both measured,
     * {@code t × (CaO − ncCaO) × 44/56 + t × (MgO − ncMgO) × 44/40.3}, using the factor set's
     * rounded stoichiometric factors; otherwise the default factor per tonne, flagged.
     */
    private CalculationLine calcination() {
        BigDecimal tonnes = convert(Unit.T);
        Map<String, BigDecimal> p = activity.parameters();
        BigDecimal cao = p.get("cao");
        BigDecimal mgo = p.get("mgo");
        if (cao != null && mgo != null) {
            BigDecimal ncCao = p.getOrDefault("nonCarbonateCao", BigDecimal.ZERO);
            BigDecimal ncMgo = p.getOrDefault("nonCarbonateMgo", BigDecimal.ZERO);
            BigDecimal carbonateCao = fractionDifference("cao", cao, "nonCarbonateCao", ncCao);
            BigDecimal carbonateMgo = fractionDifference("mgo", mgo, "nonCarbonateMgo", ncMgo);
            FactorSet.ProcessEntry caoFactor = processEntry("CLINKER_CALCINATION_CAO");
            FactorSet.ProcessEntry mgoFactor = processEntry("CLINKER_CALCINATION_MGO");
            BigDecimal co2 = tonnes.multiply(carbonateCao).multiply(caoFactor.factor.value())
                    .add(tonnes.multiply(carbonateMgo).multiply(mgoFactor.factor.value()));
            process = process.add(co2);
            flags.add(DataQualityFlag.MEASURED_VALUES_USED);
            List<AppliedFactor> applied = List.of(caoFactor.applied, mgoFactor.applied,
                    AppliedFactor.measured("CAO", "CaO含量(实测)", cao, "t/t"),
                    AppliedFactor.measured("NON_CARBONATE_CAO", "非碳酸盐CaO含量", ncCao, "t/t"),
                    AppliedFactor.measured("MGO", "MgO含量(实测)", mgo, "t/t"),
                    AppliedFactor.measured("NON_CARBONATE_MGO", "非碳酸盐MgO含量", ncMgo, "t/t"));
            return line(tonnes, Unit.T.symbol(), co2, co2, LineCategory.SCOPE1_PROCESS, applied, List.of());
        }
        FactorSet.ProcessEntry fallback = processEntry("CLINKER_DEFAULT");
        BigDecimal co2 = tonnes.multiply(fallback.factor.value());
        process = process.add(co2);
        flags.add(DataQualityFlag.DEFAULT_CLINKER_FACTOR);
        String what = activity.kind() == ActivityKind.CLINKER ? "熟料" : "窑灰";
        Note note = new Note("DEFAULT_CLINKER_FACTOR",
                what + "未同时实测CaO和MgO含量，采用缺省因子" + plain(fallback.factor.value()) + " " + fallback.factor.unit(),
                activity.kind() + ": CaO and MgO were not both measured; the default factor "
                        + plain(fallback.factor.value()) + " " + fallback.factor.unit() + " was used");
        addNote(note);
        return line(tonnes, Unit.T.symbol(), co2, co2, LineCategory.SCOPE1_PROCESS, List.of(fallback.applied),
                List.of(note));
    }

    private BigDecimal fractionDifference(String name, BigDecimal total, String nonCarbonateName,
                                          BigDecimal nonCarbonate) {
        if (total.compareTo(BigDecimal.ONE) > 0 || nonCarbonate.compareTo(BigDecimal.ONE) > 0) {
            throw fail(CalculationErrorCode.INVALID_PARAMETER,
                    name + "与" + nonCarbonateName + "应为0到1之间的质量分数：" + plain(total) + "、" + plain(nonCarbonate),
                    name + " and " + nonCarbonateName + " must be mass fractions between 0 and 1: " + plain(total)
                            + ", " + plain(nonCarbonate));
        }
        BigDecimal difference = total.subtract(nonCarbonate);
        if (difference.signum() < 0) {
            throw fail(CalculationErrorCode.INVALID_PARAMETER,
                    nonCarbonateName + "（" + plain(nonCarbonate) + "）大于" + name + "（" + plain(total) + "）",
                    nonCarbonateName + " (" + plain(nonCarbonate) + ") exceeds " + name + " (" + plain(total) + ")");
        }
        return difference;
    }

    /** Non-fuel organic carbon in raw meal: {@code t × FR0 × 44/12}. */
    private CalculationLine rawMeal() {
        BigDecimal tonnes = convert(Unit.T);
        BigDecimal measured = activity.parameters().get("organicCarbon");
        AppliedFactor applied;
        BigDecimal fraction;
        if (measured != null) {
            if (measured.compareTo(BigDecimal.ONE) > 0) {
                throw fail(CalculationErrorCode.INVALID_PARAMETER, "生料有机碳含量应为0到1之间的质量分数：" + plain(measured),
                        "organicCarbon must be a mass fraction between 0 and 1: " + plain(measured));
            }
            fraction = measured;
            applied = AppliedFactor.measured("RAW_MEAL_ORGANIC_CARBON", "生料中非燃料碳含量(实测)", measured, "t/t");
            flags.add(DataQualityFlag.MEASURED_VALUES_USED);
        } else {
            FactorSet.ProcessEntry entry = processEntry("RAW_MEAL_ORGANIC_CARBON");
            fraction = entry.factor.value();
            applied = entry.applied;
        }
        BigDecimal co2 = co2FromCarbon(tonnes.multiply(fraction));
        process = process.add(co2);
        return line(tonnes, Unit.T.symbol(), co2, co2, LineCategory.SCOPE1_PROCESS, List.of(applied), List.of());
    }

    // ---- Scope 1: coking mass balance ----

    /** Carbon per unit is measured when given, else the fuel's default NCV × carbon content. */
    private CalculationLine cokingCarbon(boolean input) {
        FactorSet.FuelEntry fuel = factors.fuelEntry(activity.code());
        BigDecimal measured = activity.parameters().get("carbonContentPerUnit");
        if (fuel == null && measured == null) {
            throw unknownFuel();
        }
        BigDecimal quantity;
        String unitSymbol;
        if (fuel != null) {
            quantity = convert(fuel.factor.activityUnit());
            unitSymbol = fuel.factor.activityUnit().symbol();
        } else {
            Unit unit = unit();
            quantity = activity.quantity();
            unitSymbol = unit.symbol();
        }
        AppliedFactor applied;
        BigDecimal carbonPerUnit;
        if (measured != null) {
            carbonPerUnit = measured;
            applied = AppliedFactor.measured(activity.code(), "含碳量(实测)", measured, "tC/" + unitSymbol);
            flags.add(DataQualityFlag.MEASURED_VALUES_USED);
        } else {
            carbonPerUnit = fuel.defaultCarbonPerUnit;
            applied = fuel.carbonPerUnit;
            if (fuel.unconfirmed) {
                flags.add(DataQualityFlag.UNCONFIRMED_FACTOR);
            }
        }
        BigDecimal co2 = co2FromCarbon(quantity.multiply(carbonPerUnit));
        if (!input) {
            co2 = co2.negate();
        }
        coking = true;
        cokingNet = cokingNet.add(co2);
        process = process.add(co2);
        return line(quantity, unitSymbol, co2, co2, LineCategory.SCOPE1_PROCESS, List.of(applied), List.of());
    }

    // ---- denominators ----

    /**
     * Outputs of one code add up in the unit of their first line; a unit the engine does not know
     * ("台", "pcs") is kept as text and may only be added to the same text.
     */
    private CalculationLine output() {
        String code = activity.code();
        if (code == null || code.isBlank()) {
            throw fail(CalculationErrorCode.INVALID_PARAMETER, "产品产量须注明产品代码", "an OUTPUT needs a product code");
        }
        Denominators.OutputTotal total = denominators.output(code);
        Unit fixed = total != null ? total.unit : powerOutputUnit(code);
        boolean freeText = total != null ? total.unit == null : fixed == null && Unit.parseOrNull(activity.unit()) == null;
        BigDecimal quantity;
        String unitText;
        if (freeText) {
            unitText = activity.unit().trim();
            if (total != null && !total.unitText.equals(unitText)) {
                throw fail(CalculationErrorCode.UNIT_NOT_CONVERTIBLE,
                        "产品" + code + "的单位“" + unitText + "”与此前的“" + total.unitText + "”不同",
                        "unit \"" + unitText + "\" of output " + code + " differs from the earlier \"" + total.unitText + "\"");
            }
            quantity = activity.quantity();
        } else {
            Unit target = fixed != null ? fixed : unit();
            quantity = convert(target);
            unitText = target.symbol();
        }
        denominators.addOutput(code, freeText ? null : Unit.parse(unitText), unitText, quantity);
        return line(quantity, unitText, BigDecimal.ZERO, BigDecimal.ZERO, LineCategory.DENOMINATOR, List.of(), List.of());
    }

    /** POWER intensities are per MWh and per GJ supplied, whatever unit the meter reported. */
    private Unit powerOutputUnit(String code) {
        if (methodology != Methodology.POWER) {
            return null;
        }
        return Denominators.ELECTRICITY_SUPPLIED.equals(code) ? Unit.MWH : Denominators.HEAT_SUPPLIED.equals(code) ? Unit.GJ : null;
    }

    private CalculationLine valueAdded() {
        BigDecimal tenThousandCny = convert(Unit.TEN_THOUSAND_CNY);
        denominators.addValueAdded(tenThousandCny);
        return line(tenThousandCny, Unit.TEN_THOUSAND_CNY.symbol(), BigDecimal.ZERO, BigDecimal.ZERO,
                LineCategory.DENOMINATOR, List.of(), List.of());
    }

    // ---- result ----

    private CalculationResult result() {
        BigDecimal scope1 = combustion.add(process).subtract(fixedCarbon);
        BigDecimal scope2Location = electricityLocation.add(heat);
        BigDecimal scope2Market = electricityMarket.add(heat);
        BigDecimal exportedLocation = exportedElectricityLocation.add(exportedHeat);
        BigDecimal exportedMarket = exportedElectricityMarket.add(exportedHeat);
        BigDecimal totalLocation = scope1.add(scope2Location).subtract(exportedLocation);
        BigDecimal totalMarket = scope1.add(scope2Market).subtract(exportedMarket);

        Map<Scope1Source, BigDecimal> bySource = new EnumMap<>(Scope1Source.class);
        bySource.put(Scope1Source.COMBUSTION, round(combustion));
        bySource.put(Scope1Source.PROCESS, round(process));
        bySource.put(Scope1Source.FIXED_CARBON_DEDUCTION, round(fixedCarbon.negate()));

        BigDecimal energyTce = energyTce();
        return new CalculationResult(methodology, CarbonEngine.VERSION, factors.code(), factors.version(),
                round(scope1), Collections.unmodifiableMap(bySource), round(scope2Location), round(scope2Market),
                round(exportedLocation), round(exportedMarket), round(totalLocation), round(totalMarket),
                round(energyTce), denominators.intensities(methodology, totalLocation, energyTce, this::addNote), Collections.unmodifiableList(lines),
                notes.isEmpty() ? List.of() : List.copyOf(notes),
                flags.isEmpty() ? List.of() : List.copyOf(flags));
    }

    /** Fuels by their (measured or default) heat value, electricity and heat net of exports, GB/T 2589. */
    private BigDecimal energyTce() {
        BigDecimal tce = BigDecimal.ZERO;
        if (anyFuel) {
            tce = fuelGj.divide(tceEntry().factor.value(), INTERNAL_SCALE, RoundingMode.HALF_UP);
        }
        if (anyElectricity) {
            // kgce/kWh is numerically tce/MWh
            tce = tce.add(purchasedMwh.subtract(exportedMwh).multiply(electricityEntry().factor.value()));
        }
        if (anyHeat) {
            // kgce/MJ is numerically tce/GJ
            tce = tce.add(purchasedHeatGj.subtract(exportedHeatGj).multiply(heatEntry().factor.value()));
        }
        return tce;
    }

    // ---- helpers ----

    private CalculationLine line(BigDecimal converted, String convertedUnit, BigDecimal location, BigDecimal market,
                                 LineCategory category, List<AppliedFactor> applied, List<Note> lineNotes) {
        return new CalculationLine(activity.kind(), activity.code(), activity.quantity(), activity.unit(), converted,
                convertedUnit, round(location), round(market), category, applied, lineNotes);
    }

    private List<Note> gridNotes(ResolvedGridFactor location, ResolvedGridFactor market) {
        if (location.notes().isEmpty()) {
            return market.notes();
        }
        if (market.notes().isEmpty()) {
            return location.notes();
        }
        List<Note> both = new ArrayList<>(location.notes());
        both.addAll(market.notes());
        return List.copyOf(both);
    }

    private ResolvedGridFactor locationFactor() {
        if (locationFactor == null) {
            locationFactor = track(factors.grid().location(input.provinceCode(), input.gridRegion(), input.year()));
        }
        return locationFactor;
    }

    private ResolvedGridFactor marketFactor() {
        if (marketFactor == null) {
            marketFactor = track(factors.grid().marketResidual(input.provinceCode(), input.gridRegion(), input.year()));
        }
        return marketFactor;
    }

    private ResolvedGridFactor heatFactor() {
        if (heatFactor == null) {
            heatFactor = track(factors.grid().heat(input.year()));
        }
        return heatFactor;
    }

    private ResolvedGridFactor track(ResolvedGridFactor resolved) {
        if (resolved.yearFallback()) {
            flags.add(DataQualityFlag.GRID_FACTOR_YEAR_FALLBACK);
        }
        if (resolved.regionFallback()) {
            flags.add(DataQualityFlag.GRID_FACTOR_REGION_FALLBACK);
        }
        if (resolved.unconfirmed()) {
            flags.add(DataQualityFlag.UNCONFIRMED_FACTOR);
        }
        for (Note n : resolved.notes()) {
            addNote(n);
        }
        return resolved;
    }

    private void addNote(Note note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    private FactorSet.FuelEntry fuelEntry(String code) {
        FactorSet.FuelEntry entry = factors.fuelEntry(code);
        if (entry == null) {
            throw unknownFuel();
        }
        return entry;
    }

    private CalculationException unknownFuel() {
        return fail(CalculationErrorCode.UNKNOWN_FUEL,
                "因子集" + factors.code() + "中没有燃料“" + activity.code() + "”",
                "no fuel \"" + activity.code() + "\" in factor set " + factors.code());
    }

    private FactorSet.ProcessEntry processEntry(String code) {
        FactorSet.ProcessEntry entry = factors.processEntry(code);
        if (entry == null) {
            throw fail(CalculationErrorCode.FACTOR_MISSING,
                    "因子集" + factors.code() + "中缺少过程排放因子" + code,
                    "process factor " + code + " is missing from factor set " + factors.code());
        }
        return entry;
    }

    private FactorSet.EnergyEntry tceEntry() {
        return energyEntry("TCE_GJ", "GJ/tce");
    }

    private FactorSet.EnergyEntry electricityEntry() {
        return energyEntry("ELECTRICITY_EQUIVALENT", "kgce/kWh");
    }

    private FactorSet.EnergyEntry heatEntry() {
        return energyEntry("HEAT", "kgce/MJ");
    }

    private FactorSet.EnergyEntry energyEntry(String code, String expectedUnit) {
        FactorSet.EnergyEntry entry = factors.energyEntry(code);
        if (entry == null || !expectedUnit.equals(entry.factor.unit())) {
            throw new CalculationException(CalculationErrorCode.FACTOR_MISSING,
                    "因子集" + factors.code() + "中缺少折标系数" + code + "（" + expectedUnit + "）",
                    "energy conversion " + code + " (" + expectedUnit + ") is missing from factor set " + factors.code());
        }
        return entry;
    }

    private Unit unit() {
        try {
            return Unit.parse(activity.unit());
        } catch (DomainException e) {
            throw fail(CalculationErrorCode.UNKNOWN_UNIT, e.messageZh(), e.messageEn());
        }
    }

    private BigDecimal convert(Unit target) {
        Unit unit = unit();
        try {
            return unit.convert(activity.quantity(), target);
        } catch (DomainException e) {
            throw fail(CalculationErrorCode.UNIT_NOT_CONVERTIBLE, e.messageZh(), e.messageEn());
        }
    }

    /** An error that names the activity by position, kind and code, as the person entering it sees it. */
    private CalculationException fail(CalculationErrorCode code, String zh, String en) {
        Activity a = activity;
        String what = a == null ? "" : a.kind() + (a.code() == null ? "" : " " + a.code());
        return new CalculationException(code, "第" + (index + 1) + "项活动（" + what + "）：" + zh,
                "Activity #" + (index + 1) + " (" + what + "): " + en);
    }

    private static BigDecimal co2FromCarbon(BigDecimal carbon) {
        return carbon.multiply(ELEVEN).divide(THREE, INTERNAL_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(BigDecimal tonnes) {
        return tonnes.setScale(REPORTED_SCALE, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
