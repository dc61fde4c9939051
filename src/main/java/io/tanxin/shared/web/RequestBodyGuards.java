package io.tanxin.shared.web;

import java.math.BigDecimal;

import io.tanxin.shared.DomainException;
import io.tanxin.shared.PlausibleNumbers;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Checks every string and decimal of every JSON request body as it is read, so no endpoint can
 * forget: a NUL character (PostgreSQL text cannot store it, so it failed as a 500 at the insert)
 * and a number no real figure has ({@link PlausibleNumbers}; {@code 1e999999999} is a billion digits
 * once written out) are refused with a problem naming what is wrong. Spring Boot registers the
 * module with the application's JSON mapper.
 */
@Component
class RequestBodyGuards extends SimpleModule {

    private static final long serialVersionUID = 1L;

    RequestBodyGuards() {
        super("tanxin-request-body-guards");
        addDeserializer(String.class, new NoNulString());
        addDeserializer(BigDecimal.class, new PlausibleDecimal());
    }

    private static String field(JsonParser p) {
        String name = p.currentName();
        return name == null ? "(array element)" : name;
    }

    private static final class NoNulString extends StdScalarDeserializer<String> {

        NoNulString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && s.indexOf('\u0000') >= 0) {
                throw new DomainException("CONTROL_CHARACTER", "字段 " + field(p) + " 含有不允许的控制字符（NUL）",
                        "Field " + field(p) + " contains a NUL control character").withStatus(400);
            }
            return s;
        }
    }

    private static final class PlausibleDecimal extends StdScalarDeserializer<BigDecimal> {

        PlausibleDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            PlausibleNumbers.problem(value).ifPresent(why -> {
                throw new DomainException(why.code(), "字段 " + field(p) + "：" + why.messageZh(),
                        "Field " + field(p) + ": " + why.messageEn());
            });
            return value;
        }
    }
}
