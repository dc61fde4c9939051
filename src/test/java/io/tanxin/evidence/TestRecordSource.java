package io.tanxin.evidence;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/** An EvidenceSource over a table the test owns, standing in for a module's rows. */
@TestConfiguration(proxyBeanMethods = false)
public class TestRecordSource implements EvidenceSource {

    static final String KIND = "test_record";

    private final JdbcTemplate jdbc;

    public TestRecordSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS evidence_test_record (id BIGINT PRIMARY KEY, "
                + "amount NUMERIC(20, 8) NOT NULL, note VARCHAR(200) NOT NULL)");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<byte[]> recompute(String recordRef) {
        long id = Long.parseLong(recordRef.substring(recordRef.indexOf(':') + 1));
        List<byte[]> rows = jdbc.query("SELECT id, amount, note FROM evidence_test_record WHERE id = ?",
                (rs, n) -> data(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3)), id);
        return rows.stream().findFirst();
    }

    static byte[] data(long id, java.math.BigDecimal amount, String note) {
        return EvidenceData.of(KIND).put("id", id).put("amount", amount).put("note", note).toBytes();
    }
}
