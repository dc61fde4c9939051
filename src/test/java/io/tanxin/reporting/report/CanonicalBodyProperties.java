package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tanxin.evidence.OfflineVerifier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An issued report's hash is written in one pass from its records ({@link CanonicalBody}); a verifier
 * parses the report's text and hashes the canonical form of the tree
 * ({@link OfflineVerifier#reportBodyHash}). Both must give the same bytes for any values.
 */
class CanonicalBodyProperties {

    record Inner(String zName, BigDecimal amount, Double ratio, Integer grade, List<String> notes) {
    }

    record Outer(String text, double score, BigDecimal tco2e, long id, boolean capped, Inner inner,
            List<Inner> items, Instant at, LocalDate day, String aFirst) {
    }

    @Property(tries = 1000)
    void onePassHashEqualsTheVerifiersHashOfTheParsedText(@ForAll("outers") Outer value) {
        String text = CreditReports.JSON.writeValueAsString(value);
        byte[] verifier = OfflineVerifier.reportBodyHash(CreditReports.JSON.readTree(text));
        assertThat(CanonicalBody.json(value)).isEqualTo(OfflineVerifier.canonicalJson(CreditReports.JSON.readTree(text)));
        assertThat(CanonicalBody.sha256(value)).isEqualTo(verifier);
    }

    @Provide
    Arbitrary<Outer> outers() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0000', '\u00ff')
                .withChars("碳信用\"\\\u2028\u007f<>&").ofMaxLength(16).injectNull(0.1);
        Arbitrary<BigDecimal> decimals = Arbitraries.oneOf(Arbitraries.bigDecimals().ofScale(6),
                Arbitraries.bigIntegers().map(i -> new BigDecimal(i).scaleByPowerOfTen(-9)),
                Arbitraries.bigIntegers().map(i -> new BigDecimal(i, -3)),
                Arbitraries.just(new BigDecimal("0.000")), Arbitraries.just(new BigDecimal("1E+5"))).injectNull(0.1);
        Arbitrary<Double> doubles = Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(0.1, 1e-7, 1e21, 123456789.125, -0.0, 0.0, 72.5)).filter(Double::isFinite);
        Arbitrary<Inner> inner = Combinators.combine(text, decimals, doubles.injectNull(0.2),
                Arbitraries.integers().injectNull(0.2), text.list().ofMaxSize(3)).as(Inner::new);
        record Head(String text, double score, BigDecimal tco2e, long id, boolean capped) {
        }
        Arbitrary<Head> head = Combinators.combine(text, doubles, decimals.filter(d -> d != null),
                Arbitraries.longs(), Arbitraries.of(true, false)).as(Head::new);
        return Combinators.combine(head, inner.injectNull(0.1), inner.list().ofMaxSize(3),
                Arbitraries.longs().between(0, 4_000_000_000L).map(s -> Instant.ofEpochSecond(s, 123_456_000)),
                Arbitraries.integers().between(0, 40_000).map(d -> LocalDate.ofEpochDay(d)), text)
                .as((h, in, items, at, day, first) -> new Outer(h.text(), h.score(), h.tco2e(), h.id(), h.capped(), in,
                        items, at, day, first));
    }


}
