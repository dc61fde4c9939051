package io.tanxin.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A request parameter that must name one constant of an enum; anything else is a 400 that lists the choices. */
public final class EnumParameter {

    private EnumParameter() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String code, String labelZh) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw new DomainException(code, labelZh + "无效：" + value + "，可选 " + allowed,
                    "Invalid " + type.getSimpleName() + ": " + value + "; expected one of " + allowed).withStatus(400);
        }
    }
}
