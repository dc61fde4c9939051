package io.tanxin.shared;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A unit of measure that accounting accepts. Units of one dimension convert into each other;
 * units of different dimensions never do, because "t vs MWh" is always a data defect, never a
 * conversion.
 *
 * <p>Conversion is exact whenever the decimal result terminates (kg → t, kWh → MWh, MWh → GJ);
 * where it cannot terminate (GJ → MWh is a division by 3.6) it keeps 34 significant digits
 * ({@link MathContext#DECIMAL128}), far below any rounding a report applies.
 */
public enum Unit {
    T("t", Dimension.MASS, "1000"),
    KG("kg", Dimension.MASS, "1"),
    TEN_THOUSAND_NM3("10^4 Nm3", Dimension.VOLUME, "10000"),
    NM3("Nm3", Dimension.VOLUME, "1"),
    MWH("MWh", Dimension.ENERGY, "3600"),
    KWH("kWh", Dimension.ENERGY, "3.6"),
    GJ("GJ", Dimension.ENERGY, "1000"),
    MJ("MJ", Dimension.ENERGY, "1"),
    TEN_THOUSAND_CNY("10^4 CNY", Dimension.MONEY, "10000"),
    CNY("CNY", Dimension.MONEY, "1");

    public enum Dimension { MASS, VOLUME, ENERGY, MONEY }

    private static final Map<String, Unit> BY_SYMBOL = new HashMap<>();
    private static final Map<String, Unit> BY_LOWER_CASE = new HashMap<>();
    private static final Conversion[][] CONVERSIONS;

    static {
        for (Unit u : values()) {
            alias(u.symbol, u);
        }
        alias("吨", T);
        alias("tonne", T);
        alias("千克", KG);
        alias("公斤", KG);
        alias("10^4Nm3", TEN_THOUSAND_NM3);
        alias("10^4 Nm³", TEN_THOUSAND_NM3);
        alias("10⁴ Nm³", TEN_THOUSAND_NM3);
        alias("10⁴ Nm3", TEN_THOUSAND_NM3);
        alias("万Nm3", TEN_THOUSAND_NM3);
        alias("万Nm³", TEN_THOUSAND_NM3);
        alias("万立方米", TEN_THOUSAND_NM3);
        alias("Nm³", NM3);
        alias("立方米", NM3);
        alias("兆瓦时", MWH);
        alias("千瓦时", KWH);
        alias("度", KWH);
        alias("吉焦", GJ);
        alias("兆焦", MJ);
        alias("10^4CNY", TEN_THOUSAND_CNY);
        alias("万元", TEN_THOUSAND_CNY);
        alias("元", CNY);

        Unit[] all = values();
        CONVERSIONS = new Conversion[all.length][all.length];
        for (Unit from : all) {
            for (Unit to : all) {
                if (from.dimension == to.dimension) {
                    CONVERSIONS[from.ordinal()][to.ordinal()] = Conversion.between(from.baseUnits, to.baseUnits);
                }
            }
        }
    }

    private static void alias(String text, Unit unit) {
        BY_SYMBOL.put(text, unit);
        BY_LOWER_CASE.put(text.toLowerCase(Locale.ROOT), unit);
    }

    private final String symbol;
    private final Dimension dimension;
    /** Size in the dimension's smallest unit here (kg, Nm3, MJ, CNY). */
    private final BigDecimal baseUnits;

    Unit(String symbol, Dimension dimension, String baseUnits) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.baseUnits = new BigDecimal(baseUnits);
    }

    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    /**
     * The unit a text names: its symbol, a listed alias ("万Nm3", "万元"), or either in another
     * letter case ("mwh"). Throws {@code UNKNOWN_UNIT} for anything else.
     */
    public static Unit parse(String text) {
        Unit unit = parseOrNull(text);
        if (unit == null) {
            throw new DomainException("UNKNOWN_UNIT",
                    "无法识别的计量单位：“" + text + "”",
                    "Unknown unit: \"" + text + "\"");
        }
        return unit;
    }

    /** Like {@link #parse} but answers null, for callers where a free-text unit is legitimate. */
    public static Unit parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        Unit unit = BY_SYMBOL.get(text);
        if (unit != null) {
            return unit;
        }
        String trimmed = text.trim();
        unit = BY_SYMBOL.get(trimmed);
        return unit != null ? unit : BY_LOWER_CASE.get(trimmed.toLowerCase(Locale.ROOT));
    }

    public boolean isConvertibleTo(Unit target) {
        return dimension == target.dimension;
    }

    /** {@code amount} of this unit expressed in {@code target}; {@code UNIT_NOT_CONVERTIBLE} across dimensions. */
    public BigDecimal convert(BigDecimal amount, Unit target) {
        if (target == this) {
            return amount;
        }
        Conversion conversion = CONVERSIONS[ordinal()][target.ordinal()];
        if (conversion == null) {
            throw new DomainException("UNIT_NOT_CONVERTIBLE",
                    "无法将" + symbol + "换算为" + target.symbol + "（量纲不同：" + dimension + " / " + target.dimension + "）",
                    "Cannot convert " + symbol + " to " + target.symbol + " (different dimensions: "
                            + dimension + " / " + target.dimension + ")");
        }
        return conversion.apply(amount);
    }

    @Override
    public String toString() {
        return symbol;
    }

    /** Precomputed per pair so that the common, terminating case is a single multiplication. */
    private record Conversion(BigDecimal multiplier, BigDecimal divisor) {

        static Conversion between(BigDecimal fromBase, BigDecimal toBase) {
            try {
                return new Conversion(fromBase.divide(toBase), null);
            } catch (ArithmeticException nonTerminating) {
                try {
                    return new Conversion(null, toBase.divide(fromBase));
                } catch (ArithmeticException alsoNonTerminating) {
                    return new Conversion(fromBase, toBase);
                }
            }
        }

        BigDecimal apply(BigDecimal amount) {
            if (divisor == null) {
                return amount.multiply(multiplier);
            }
            BigDecimal scaled = multiplier == null ? amount : amount.multiply(multiplier);
            return scaled.divide(divisor, MathContext.DECIMAL128);
        }
    }
}
