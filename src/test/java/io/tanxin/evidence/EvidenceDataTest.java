package io.tanxin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class EvidenceDataTest {

    @Test
    void theSameRecordReadBackFromTheDatabaseGivesTheSameBytes() {
        byte[] appended = EvidenceData.of("calculation_run").put("uscc", "91140400MA0GRRXX1X")
                .put("total", new BigDecimal("12.50")).put("at", Instant.parse("2024-01-02T03:04:05.123456789Z"))
                .put("note", "碳\\排放\n第二行").toBytes();
        byte[] recomputed = EvidenceData.of("calculation_run").put("uscc", "91140400MA0GRRXX1X")
                .put("total", new BigDecimal("12.50000000")).put("at", Instant.parse("2024-01-02T03:04:05.123457Z"))
                .put("note", "碳\\排放\n第二行").toBytes();
        assertThat(recomputed).isEqualTo(appended);
        assertThat(new String(appended, StandardCharsets.UTF_8)).isEqualTo("""
                tanxin-evidence/1 calculation_run
                uscc=91140400MA0GRRXX1X
                total=12.5
                at=2024-01-02T03:04:05.123Z
                note=碳\\\\排放\\n第二行
                """);
        assertThat(EvidenceData.of("k").put("zero", new BigDecimal("0.000")).toString()).endsWith("zero=0\n");
    }
}
