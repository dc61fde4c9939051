package io.tanxin.accounting.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.tanxin.evidence.EvidenceData;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.EvidenceSource;
import org.springframework.stereotype.Component;

/**
 * Every calculation run goes into the evidence log: what it was computed from (input hash, factor
 * set, engine), what it produced (totals and the SHA-256 of the stored result), so a run edited in
 * the database afterwards no longer matches its leaf.
 */
@Component
public class RunEvidence implements EvidenceSource {

    static final String KIND = "calculation_run";

    private final EvidenceLog log;
    private final RunStore runs;

    RunEvidence(EvidenceLog log, RunStore runs) {
        this.log = log;
        this.runs = runs;
    }

    /** Appends the runs just stored, in the caller's transaction. */
    public void record(List<RunStore.StoredRun> stored) {
        List<EvidenceLog.Entry> entries = new ArrayList<>(stored.size());
        for (RunStore.StoredRun run : stored) {
            entries.add(new EvidenceLog.Entry(KIND + ":" + run.id(), data(run)));
        }
        log.appendAll(KIND, entries);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<byte[]> recompute(String recordRef) {
        return runs.byId(Long.parseLong(recordRef.substring(KIND.length() + 1))).map(RunEvidence::data);
    }

    @Override
    public java.util.Map<String, byte[]> recomputeAll(List<String> recordRefs) {
        java.util.Map<String, byte[]> out = new java.util.HashMap<>();
        List<Long> ids = recordRefs.stream().map(ref -> Long.parseLong(ref.substring(KIND.length() + 1))).toList();
        for (RunStore.StoredRun run : runs.byIds(ids)) {
            out.put(KIND + ":" + run.id(), data(run));
        }
        return out;
    }

    static byte[] data(RunStore.StoredRun r) {
        EvidenceData d = EvidenceData.of(KIND).put("id", r.id()).put("uscc", r.uscc()).put("period", r.month().toString())
                .put("activitySetId", r.activitySetId()).put("status", r.status()).put("methodology", r.methodology())
                .put("inputHash", r.inputHash()).put("factorSet", r.factorSetCode() + "/" + r.factorSetVersion())
                .put("engineVersion", r.engineVersion()).put("createdAt", r.createdAt().toInstant());
        if (r.totalLocation() != null) {
            d.put("scope1Tco2e", r.scope1()).put("totalLocationTco2e", r.totalLocation())
                    .put("totalMarketTco2e", r.totalMarket());
        }
        return d.put("resultSha256", sha256(r.result())).toBytes();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
