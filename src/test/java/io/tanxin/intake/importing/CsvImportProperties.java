package io.tanxin.intake.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.tanxin.intake.SourceType;
import io.tanxin.intake.importing.datasets.ActivityImport;
import io.tanxin.shared.Uscc;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The CSV importer against random files: what goes in well-formed comes out equal; nothing else escapes. */
class CsvImportProperties {

    record Row(String uscc, YearMonth month, String code, BigDecimal quantity) {
    }

    static final List<String> CODES = List.of("BITUMINOUS", "ANTHRACITE", "COKE", "DIESEL", "LPG", "FUEL_OIL");

    static RowContext context(Set<String> usccs) {
        return new RowContext(SourceType.SELF_REPORT, usccs, null, YearMonth.of(2026, 11), (k, c, u) -> null);
    }

    static String field(String value, boolean quote) {
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    static List<Object[]> importRows(byte[] bytes, Set<String> usccs, List<ImportSession> sessionOut) throws Exception {
        List<Object[]> written = new ArrayList<>();
        ImportSession session = new ImportSession(new ActivityImport(), context(usccs), ImportLimits.DEFAULT);
        sessionOut.add(session);
        try (CsvTableReader reader = new CsvTableReader(bytes)) {
            session.run(reader, written::add, v -> { });
        }
        return written;
    }

    @Property(tries = 200)
    void wellFormedFilesComeOutAsTheyWentIn(@ForAll("rows") List<Row> rows, @ForAll boolean chineseHeaders,
            @ForAll boolean gb18030, @ForAll boolean quoteEverything, @ForAll boolean crlf) throws Exception {
        String nl = crlf ? "\r\n" : "\n";
        StringBuilder csv = new StringBuilder(chineseHeaders ? "统一社会信用代码,月份,数据类型,品种代码,数量,单位,实测参数"
                : "USCC,Month,Kind,Code,Quantity,Unit,Parameters").append(nl);
        for (Row r : rows) {
            csv.append(String.join(",", field(r.uscc(), quoteEverything), field(r.month().toString(), quoteEverything),
                    field("FUEL", quoteEverything), field(r.code(), quoteEverything),
                    field(r.quantity().toPlainString(), quoteEverything), field("t", quoteEverything), "")).append(nl);
        }
        Charset charset = gb18030 ? CsvTableReader.GB18030 : StandardCharsets.UTF_8;
        Set<String> usccs = rows.stream().map(Row::uscc).collect(Collectors.toSet());
        List<ImportSession> session = new ArrayList<>();
        List<Object[]> written = importRows(csv.toString().getBytes(charset), usccs, session);

        assertThat(session.get(0).errors()).isEmpty();
        assertThat(written).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] w = written.get(i);
            assertThat(w[1]).isEqualTo(rows.get(i).uscc());
            assertThat(w[2]).isEqualTo(rows.get(i).month().toString());
            assertThat(w[4]).isEqualTo(rows.get(i).code());
            assertThat((BigDecimal) w[5]).isEqualByComparingTo(rows.get(i).quantity());
        }
    }

    @Property(tries = 200)
    void oneBadQuantityIsReportedAtItsRowAndNothingIsWritten(@ForAll("rows") List<Row> rows,
            @ForAll @IntRange(min = 0, max = 1000) int pick, @ForAll("garbage") String bad) throws Exception {
        int at = pick % rows.size();
        StringBuilder csv = new StringBuilder("uscc,month,kind,code,quantity,unit\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            csv.append(r.uscc()).append(',').append(r.month()).append(",FUEL,").append(r.code()).append(',')
                    .append(i == at ? field(bad, true) : r.quantity().toPlainString()).append(",t\n");
        }
        List<ImportSession> session = new ArrayList<>();
        List<Object[]> written = importRows(csv.toString().getBytes(StandardCharsets.UTF_8),
                rows.stream().map(Row::uscc).collect(Collectors.toSet()), session);
        assertThat(session.get(0).errorCount()).isEqualTo(1);
        assertThat(session.get(0).errors().get(0).row()).isEqualTo(at + 1);
        assertThat(session.get(0).errors().get(0).column()).isEqualTo("quantity");
        assertThat(written.size()).isLessThanOrEqualTo(at);
    }

    @Property(tries = 300)
    void arbitraryBytesAreEitherRefusedWholeOrCheckedRowByRow(@ForAll byte[] bytes) {
        try {
            importRows(bytes, Set.of(), new ArrayList<>());
        } catch (ImportRejected expected) {
            assertThat(expected.code()).isNotBlank();
            assertThat(expected.messageZh()).isNotBlank();
            assertThat(expected.messageEn()).isNotBlank();
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<String> uscc = Arbitraries.strings().withChars("0123456789ABCDEFGHJKLMNPQRTUWXY").ofLength(9)
                .map(org -> "91140300" + org).map(b -> b + Uscc.checkCharacter(b));
        Arbitrary<YearMonth> month = Arbitraries.integers().between(0, 59).map(i -> YearMonth.of(2021, 1).plusMonths(i));
        Arbitrary<String> code = Arbitraries.of(CODES);
        Arbitrary<BigDecimal> quantity = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999999"))
                .ofScale(3);
        return Combinators.combine(uscc, month, code, quantity).as(Row::new).list().ofMinSize(1).ofMaxSize(40)
                .uniqueElements(r -> r.uscc() + r.month() + r.code());
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("-1", "1e13", "1,2,3x", "=SUM(A1)", "@cmd", "NaN", "12..5", "一百"));
    }

}
