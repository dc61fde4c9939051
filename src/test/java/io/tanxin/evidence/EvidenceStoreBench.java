package io.tanxin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.tanxin.support.CleanDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends per second through the real store on PostgreSQL: batches of 1,000 appended in the
 * caller's transaction, then sequenced into the tree. Not part of the test run (the name does not
 * end in Test); bench/evidence.sh runs it with -Dtanxin.bench=true against a scratch database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {"tanxin.demo.enabled=false",
        "tanxin.evidence.sequence-interval-ms=3600000", "tanxin.evidence.checkpoint-interval-ms=3600000"})
@ActiveProfiles("test")
@Import(CleanDatabase.class)
@EnabledIfSystemProperty(named = "tanxin.bench", matches = "true")
class EvidenceStoreBench {

    static final int BATCH = 1_000;

    @Autowired
    EvidenceLog evidence;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void appendsPerSecondOnTheRealStore() {
        int total = Integer.getInteger("tanxin.bench.entries", 200_000);
        run(20_000, "warm-up");
        long[] t = run(total, "measured");
        double seconds = (t[0] + t[1]) / 1e9;
        System.out.printf("EVIDENCE STORE: %d appends in batches of %d: append %.0f ms + sequence %.0f ms = %.0f "
                + "appends/s (append alone %.0f /s)%n", total, BATCH, t[0] / 1e6, t[1] / 1e6, total / seconds,
                total / (t[0] / 1e9));
        long size = evidence.size();
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            evidence.inclusionProof((long) (Math.random() * size), size);
        }
        System.out.printf("EVIDENCE STORE: inclusion proof through EvidenceLog at %d leaves: %.1f µs each%n", size,
                (System.nanoTime() - start) / 1e3 / 1000);
    }

    private long[] run(int total, String label) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long before = evidence.size();
        long start = System.nanoTime();
        for (int done = 0; done < total; done += BATCH) {
            List<EvidenceLog.Entry> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                int n = done + i;
                batch.add(new EvidenceLog.Entry("calculation_run:" + label + ":" + n, EvidenceData.of("calculation_run")
                        .put("uscc", "91140400MA0GRR" + (1000 + n % 9000) + "X").put("period", "2024-01")
                        .put("input_hash", "ab".repeat(32)).put("total_location", n * 1.98 + "").toBytes()));
            }
            tx.executeWithoutResult(s -> evidence.appendAll("calculation_run", batch));
        }
        long appended = System.nanoTime();
        evidence.sequence();
        long sequenced = System.nanoTime();
        assertThat(evidence.size()).isEqualTo(before + total);
        return new long[] {appended - start, sequenced - appended};
    }
}
