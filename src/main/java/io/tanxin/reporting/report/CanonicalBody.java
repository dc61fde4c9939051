package io.tanxin.reporting.report;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.tanxin.evidence.OfflineVerifier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The SHA-256 of a report body's canonical JSON ({@link OfflineVerifier#canonicalJson}), written in
 * one pass from the body's records: names sorted by UTF-16 code units, numbers as plain decimals
 * without trailing zeros, only quote, backslash and control characters escaped. Building a tree of
 * the body and walking it took a fifth of a JSON report's server CPU. The verifier still hashes the
 * tree it parses; {@code CanonicalBodyProperties} holds the two to the same bytes. The lists of a
 * content version and each query record are written once and their text is kept: together they
 * are nearly all of a report, and the same from report to report.
 */
final class CanonicalBody {

    /** Writes everything afresh; what the kept texts are written with. */
    private static final JsonMapper PLAIN = mapper(new SimpleModule("plain"));

    private static final JsonMapper CANONICAL = mapper(new SimpleModule("kept-texts")
            .addSerializer(CanonicalList.class, new KeptList()));

    private static JsonMapper mapper(SimpleModule kept) {
        return JsonMapper.builder(JsonFactory.builder().characterEscapes(new Escapes()).build())
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .addModule(new SimpleModule("canonical-numbers")
                        .addSerializer(BigDecimal.class, new DecimalText<>(d -> d))
                        .addSerializer(Double.class, new DecimalText<>(BigDecimal::valueOf))
                        .addSerializer(double.class, new DecimalText<>(BigDecimal::valueOf)))
                .addModule(kept)
                .build();
    }

    private CanonicalBody() {
    }

    private static final tools.jackson.databind.ObjectWriter CANONICAL_TO_STREAM = CANONICAL.writer()
            .without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET);

    /** Writes the body's canonical JSON in UTF-8 to {@code out}, which it leaves open. */
    static void write(Object body, java.io.OutputStream out) {
        CANONICAL_TO_STREAM.writeValue(out, body);
    }

    static byte[] sha256(byte[] canonical) {
        return sha256(canonical, 0, canonical.length);
    }

    /** The SHA-256 of {@code length} bytes of {@code buffer} from {@code offset}. */
    static byte[] sha256(byte[] buffer, int offset, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(buffer, offset, length);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of the body's canonical JSON in UTF-8. */
    static byte[] sha256(Object body) {
        return sha256(CANONICAL.writeValueAsBytes(body));
    }

    /** A value's canonical JSON in UTF-8, written afresh: what a kept text is made of. */
    static byte[] plainUtf8(Object value) {
        return PLAIN.writeValueAsBytes(value);
    }

    /** The canonical JSON itself, for tests. */
    static String json(Object body) {
        return CANONICAL.writeValueAsString(body);
    }

    /** A shared list's canonical JSON, written the first time and kept with the list. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class KeptList extends ValueSerializer<CanonicalList> {

        @Override
        public void serialize(CanonicalList value, JsonGenerator gen, SerializationContext context) {
            gen.writeRawValue(value.canonical(items -> new SerializedString(PLAIN.writeValueAsString(items))));
        }
    }

    /** A number as its exact decimal, trailing zeros stripped and zero as 0, as the canonical form reads it. */
    private static final class DecimalText<T extends Number> extends ValueSerializer<T> {

        private final java.util.function.Function<T, BigDecimal> decimal;

        DecimalText(java.util.function.Function<T, BigDecimal> decimal) {
            this.decimal = decimal;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext context) {
            BigDecimal d = decimal.apply(value);
            gen.writeNumber(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        }
    }

    /** Control characters as {@code \\u00xx} (never {@code \\n} and the like), quote and backslash as {@code \\"}, {@code \\\\}. */
    private static final class Escapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private final int[] ascii = new int[128];

        Escapes() {
            for (int c = 0; c < 0x20; c++) {
                ascii[c] = ESCAPE_CUSTOM;
            }
            ascii['"'] = ESCAPE_CUSTOM;
            ascii['\\'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        /** Null (written as it is) for every character above ASCII; the generator asks about those too. */
        @Override
        public SerializableString getEscapeSequence(int c) {
            if (c == '"' || c == '\\') {
                return new SerializedString("\\" + (char) c);
            }
            return c < 0x20 ? CONTROL[c] : null;
        }

        private static final SerializableString[] CONTROL = new SerializableString[0x20];

        static {
            for (int c = 0; c < 0x20; c++) {
                CONTROL[c] = new SerializedString(String.format("\\u%04x", c));
            }
        }
    }
}
