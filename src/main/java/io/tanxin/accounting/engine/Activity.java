package io.tanxin.accounting.engine;

import io.tanxin.shared.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of activity data for an enterprise-period.
 *
 * <p>Measured {@code parameters} are per the factor's reference unit, the one the line reports as
 * its converted unit (e.g. "ncv" in GJ/t for coal even when the quantity is given in kg), because
 * laboratory reports state them that way.
 *
 * @param code fuel or process-factor code, or product code for OUTPUT; may be null where the kind needs none
 */
public record Activity(ActivityKind kind, String code, BigDecimal quantity, String unit,
                       Map<String, BigDecimal> parameters) {

    public Activity {
        // not Map.copyOf: a null measurement must reach the engine's validation, not fail here as an NPE
        parameters = parameters == null || parameters.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new HashMap<>(parameters));
    }

    public Activity(ActivityKind kind, String code, BigDecimal quantity, String unit) {
        this(kind, code, quantity, unit, Map.of());
    }

    public static Activity of(ActivityKind kind, String code, String quantity, String unit) {
        return new Activity(kind, code, new BigDecimal(quantity), unit, Map.of());
    }

    /** A text that is the same for equal activities, whatever the scale, unit alias or parameter order. */
    String canonicalText() {
        StringBuilder sb = new StringBuilder(64);
        sb.append(kind).append('|').append(escape(code)).append('|');
        sb.append(quantity == null ? "" : quantity.stripTrailingZeros().toPlainString()).append('|');
        Unit parsed = Unit.parseOrNull(unit);
        sb.append(parsed != null ? parsed.symbol() : escape(unit == null ? null : unit.trim())).append('|');
        List<String> params = new ArrayList<>(parameters.size());
        new TreeMap<>(parameters).forEach((k, v) ->
                params.add(escape(k) + '=' + (v == null ? "" : v.stripTrailingZeros().toPlainString())));
        sb.append(String.join(";", params));
        return sb.toString();
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '|' || c == ';' || c == '=' || c == '\n') {
                sb.append('\\');
            }
            sb.append(c == '\n' ? 'n' : c);
        }
        return sb.toString();
    }
}
