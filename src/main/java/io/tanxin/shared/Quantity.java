package io.tanxin.shared;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount together with the unit it is measured in, so that no bare number crosses a module boundary. */
public record Quantity(BigDecimal amount, Unit unit) {

    public Quantity {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
    }

    /** Parses both parts; the unit may be any symbol or alias {@link Unit#parse} accepts. */
    public static Quantity of(String amount, String unit) {
        return new Quantity(new BigDecimal(amount.trim()), Unit.parse(unit));
    }

    public static Quantity of(BigDecimal amount, Unit unit) {
        return new Quantity(amount, unit);
    }

    public Quantity to(Unit target) {
        return target == unit ? this : new Quantity(unit.convert(amount, target), target);
    }

    /** The sum in this quantity's unit. */
    public Quantity plus(Quantity other) {
        return new Quantity(amount.add(other.unit.convert(other.amount, unit)), unit);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Equal amounts after conversion, whatever the scale or unit ("1 t" equals "1000 kg"). */
    public boolean isEquivalentTo(Quantity other) {
        return other.unit.isConvertibleTo(unit) && amount.compareTo(other.unit.convert(other.amount, unit)) == 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + unit.symbol();
    }
}
