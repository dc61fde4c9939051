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
     * The query records' text grows from the previous report's: whatever the next list is (new
     * records in front, the oldest gone past two years, a record read differently, another view),
     * the kept text written for it is the plain list's and the verifier's canonical form.
     */
    @Property(tries = 300)
    void queryRecordsGrownFromTheLastReportAreWrittenAsTheVerifierReadsThem(
            @ForAll("queryRecords") List<QueryRecord> pool, @ForAll("steps") List<Integer> steps) {
        QueryRecordTexts texts = new QueryRecordTexts();
        List<QueryRecord> shown = new java.util.ArrayList<>();
        int next = 0;
        for (int step : steps) {
            switch (step) {
                case 0, 1, 2 -> { // reads added in front, newest first
                    for (int i = 0; i <= step && next < pool.size(); i++) {
                        shown.add(0, pool.get(next++));
                    }
                }
                case 3 -> { // the oldest past two years
                    if (!shown.isEmpty()) {
                        shown.remove(shown.size() - 1);
                    }
                }
                default -> { // a record shown differently (a renamed institution, a bank's view)
                    if (!shown.isEmpty()) {
                        QueryRecord q = shown.get(0);
                        shown.set(0, new QueryRecord(q.id(), q.uscc(), q.queriedAt(), null, q.organisationCode(),
                                q.organisationName() + "·", q.basis(), q.purpose(), null));
                    }
                }
            }
            Queried plain = new Queried("TX-1", List.copyOf(shown));
            Queried kept = new Queried("TX-1", texts.of("91140100MA0TEST01X", "all", shown));
            assertThat(kept.queryRecords()).isEqualTo(shown);
            String text = CreditReports.JSON.writeValueAsString(plain);
            assertThat(CanonicalBody.json(kept)).isEqualTo(CanonicalBody.json(plain))
                    .isEqualTo(OfflineVerifier.canonicalJson(CreditReports.JSON.readTree(text)));
            assertThat(CanonicalBody.sha256(kept)).isEqualTo(CanonicalBody.sha256(plain));
        }
    }

    @Provide
    Arbitrary<List<Integer>> steps() {
        return Arbitraries.integers().between(0, 4).list().ofMinSize(1).ofMaxSize(12);
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
        return record.list().ofMaxSize(12);
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
