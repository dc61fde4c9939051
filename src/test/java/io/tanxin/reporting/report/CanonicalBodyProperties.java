package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tanxin.evidence.OfflineVerifier;
import io.tanxin.reporting.AccessBasis;
import io.tanxin.reporting.QueryRecord;
import io.tanxin.reporting.ReportPurpose;
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

    /**
     * A JSON report is the canonical body in its envelope, hashed where it was written, whatever the
     * buffer's first size.
     */
    @Property(tries = 300)
    void aReportsJsonCarriesTheCanonicalBodyItsHashNames(@ForAll("outers") Outer value,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 4096) int expectedSize) throws Exception {
        ReportJson json = new ReportJson(value, expectedSize);
        assertThat(json.bodySha256()).isEqualTo(CanonicalBody.sha256(value));
        json.close("{\"leafIndex\":7}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        json.writeTo(sent);
        assertThat(sent.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"body\":" + CanonicalBody.json(value) + ",\"evidence\":{\"leafIndex\":7}}");
        assertThat(json.length()).isEqualTo(sent.size());
    }

    /** The reports of one content version share its lists, whose text is written once and kept. */
    @Property(tries = 300)
    void aSharedListIsWrittenAsAPlainOneTheFirstTimeAndEveryTimeAfter(@ForAll("outers") Outer value) {
        Outer shared = new Outer(value.text(), value.score(), value.tco2e(), value.id(), value.capped(), value.inner(),
                new CanonicalList<>(value.items()), value.at(), value.day(), value.aFirst());
        String plain = CanonicalBody.json(value);
        assertThat(CanonicalBody.json(shared)).isEqualTo(plain);
        assertThat(CanonicalBody.json(shared)).isEqualTo(plain);
        assertThat(CanonicalBody.sha256(shared)).isEqualTo(CanonicalBody.sha256(value));
    }

    record Queried(String reportNumber, List<QueryRecord> queryRecords) {
    }

    /**
     * A query record's text is kept by its value: written again, the record gives the bytes the
     * verifier's canonical form has, and a record differing in any part gets its own text.
     */
    @Property(tries = 300)
    void aKeptQueryRecordIsWrittenAsTheVerifierReadsIt(@ForAll("queryRecords") List<QueryRecord> records) {
        Queried value = new Queried("TX-1", records);
        for (int i = 0; i < 2; i++) {
            String text = CreditReports.JSON.writeValueAsString(value);
            assertThat(CanonicalBody.json(value)).isEqualTo(OfflineVerifier.canonicalJson(CreditReports.JSON.readTree(text)));
        }
    }

    @Provide
    Arbitrary<List<QueryRecord>> queryRecords() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0000', '\u00ff').withChars("银行\"\\")
                .ofMaxLength(8).injectNull(0.2);
        // few distinct values, so that records equal but for one part are common
        Arbitrary<QueryRecord> record = Combinators.combine(Arbitraries.longs().between(1, 3), text,
                Arbitraries.of(Instant.ofEpochSecond(1_700_000_000, 123_456_000), Instant.ofEpochSecond(1_700_000_001)),
                text, Arbitraries.of(AccessBasis.class), Arbitraries.of(ReportPurpose.class),
                Arbitraries.longs().between(1, 2).injectNull(0.5))
                .as((id, name, at, user, basis, purpose, consent) -> new QueryRecord(id, "91140100MA0TEST01X", at,
                        user, "BANK_A", name, basis, purpose, consent));
        return record.list().ofMaxSize(6);
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
