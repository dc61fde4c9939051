package io.tanxin.demo.generator;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One month of one kind of activity data of one enterprise. {@code quantity} is never negative and is
 * expressed in {@code unit}; {@code parameters} holds measured properties (e.g. "cao", "mgo" of clinker as
 * mass fractions), iterated in key order.
 */
public record DemoActivity(String uscc, YearMonth period, ActivityKind kind, String code, BigDecimal quantity,
                           String unit, Map<String, BigDecimal> parameters) {

    public DemoActivity {
        Objects.requireNonNull(uscc);
        Objects.requireNonNull(period);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(code);
        Objects.requireNonNull(quantity);
        Objects.requireNonNull(unit);
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("negative quantity " + quantity + " for " + kind + " " + code);
        }
        if (parameters == null || parameters.isEmpty()) {
            parameters = Collections.emptySortedMap();
        } else {
            parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        }
    }
}
