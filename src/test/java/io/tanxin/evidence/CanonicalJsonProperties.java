package io.tanxin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON that report hashes are made of must never change for a given document: the
 * faster writer (sorted name arrays, whole numbers written directly, strings copied in runs) is
 * held to the first, plain implementation kept here as the reference.
 */
class CanonicalJsonProperties {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @Property(tries = 1000)
    void canonicalFormIsTheReferenceForm(@ForAll("documents") Object document) {
        JsonNode parsed = JSON.readTree(JSON.writeValueAsString(document));
        assertThat(OfflineVerifier.canonicalJson(parsed)).isEqualTo(reference(parsed));
        JsonNode tree = JSON.valueToTree(document);
        assertThat(OfflineVerifier.canonicalJson(tree)).isEqualTo(reference(tree));
    }

    @Provide
    Arbitrary<Object> documents() {
        return value(3);
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0000', '\u00ff').withChars("碳信\"\\\u2028")
                .ofMaxLength(12);
        Arbitrary<Object> leaf = Arbitraries.oneOf(text.map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bigDecimals().ofScale(4).map(d -> (Object) d),
                Arbitraries.bigIntegers().map(d -> (Object) new BigDecimal(d).scaleByPowerOfTen(-3)),
                Arbitraries.doubles().filter(Double::isFinite).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(BigDecimal.ZERO.setScale(3)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map = Arbitraries.maps(text, value(depth - 1)).ofMaxSize(4).map(m -> (Object) m);
        return Arbitraries.oneOf(leaf, list, map);
    }

    /** The first implementation, unchanged. */
    static String reference(JsonNode node) {
        StringBuilder b = new StringBuilder();
        canonical(node, b);
        return b.toString();
    }

    private static void canonical(JsonNode n, StringBuilder b) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            b.append("null");
        } else if (n.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            n.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(e.getKey(), b);
                b.append(':');
                canonical(e.getValue(), b);
            }
            b.append('}');
        } else if (n.isArray()) {
            b.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                canonical(n.get(i), b);
            }
            b.append(']');
        } else if (n.isNumber()) {
            BigDecimal d = n.decimalValue();
            b.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else if (n.isBoolean()) {
            b.append(n.booleanValue());
        } else {
            string(n.asString(), b);
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
