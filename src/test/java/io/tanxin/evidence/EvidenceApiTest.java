package io.tanxin.evidence;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.tanxin.evidence.internal.LogTree;
import io.tanxin.evidence.merkle.MerkleHashes;
import io.tanxin.evidence.merkle.MerkleVerifier;
import io.tanxin.evidence.note.Checkpoint;
import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest

class EvidenceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    EvidenceLog evidence;

    @Autowired
    LogTree tree;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path dir;

    @Test
    void appendedEntriesAreProvablyInTheSignedTreeForAnonymousCallers() throws Exception {
        List<Long> ids = appendSome("proof", 37);
        evidence.sequence();
        long index = evidence.leafIndexOf(ids.get(5)).orElseThrow();
        Api anyone = Api.anonymous(port);

        Api.Response checkpointResponse = anyone.get("/api/v1/evidence/checkpoint");
        assertThat(checkpointResponse.status()).isEqualTo(200);
        // the periodic checkpoint may predate this test's leaves: ask for a fresh one
        SignedCheckpoint signed = evidence.checkpointNow();
        String note = anyone.get("/api/v1/evidence/checkpoint").body();
        assertThat(note).isEqualTo(signed.note());
        assertThat(anyone.get("/api/v1/evidence/checkpoint").contentType()).startsWith("text/plain")
                .containsIgnoringCase("utf-8");
        String verifierKey = anyone.get("/api/v1/evidence/public-key?format=note").body();
        assertThat(IndependentNoteCheck.verify(note, verifierKey)).isTrue();
        assertThat(anyone.get("/api/v1/evidence/public-key").body()).startsWith("-----BEGIN PUBLIC KEY-----");
        JsonNode keyJson = anyone.get("/api/v1/evidence/public-key?format=json").json();
        assertThat(keyJson.path("verifierKey").asString()).isEqualTo(verifierKey.strip());

        Checkpoint cp = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));
        assertThat(cp.treeSize()).isGreaterThan(index);

        JsonNode leaf = Api.as(port, "analyst").get("/api/v1/evidence/leaves/" + index).json();
        byte[] data = Base64.getDecoder().decode(leaf.path("data").asString());
        assertThat(new String(data, StandardCharsets.UTF_8)).contains("seq=5");
        assertThat(Base64.getDecoder().decode(leaf.path("leafHash").asString())).isEqualTo(MerkleHashes.leafHash(data));
        assertThat(leaf.path("kind").asString()).isEqualTo("test_log");

        JsonNode inclusion = anyone.get("/api/v1/evidence/proofs/inclusion?index=%d&treeSize=%d"
                .formatted(index, cp.treeSize())).json();
        assertThat(inclusion.path("rootHash").asString()).isEqualTo(Base64.getEncoder().encodeToString(cp.rootHash()));
        assertThat(MerkleVerifier.verifyInclusion(index, cp.treeSize(), MerkleHashes.leafHash(data),
                hashes(inclusion.path("proof")), cp.rootHash())).isTrue();

        long older = Math.max(1, index);
        JsonNode consistency = anyone.get("/api/v1/evidence/proofs/consistency?from=%d&to=%d"
                .formatted(older, cp.treeSize())).json();
        assertThat(MerkleVerifier.verifyConsistency(older, cp.treeSize(),
                Base64.getDecoder().decode(consistency.path("fromRoot").asString()), cp.rootHash(),
                hashes(consistency.path("proof")))).isTrue();
    }

    @Test
    void theOfflineVerifierAcceptsWhatTheApiServesAndRejectsTampering() throws Exception {
        appendSome("offline", 5);
        SignedCheckpoint older = evidence.checkpointNow();
        List<Long> ids = appendSome("offline", 9);
        evidence.sequence();
        long index = evidence.leafIndexOf(ids.get(3)).orElseThrow();
        SignedCheckpoint newer = evidence.checkpointNow();
        Api anyone = Api.anonymous(port);
        Path pem = write("key.pem", anyone.get("/api/v1/evidence/public-key").body());
        Path noteKey = write("key.note", anyone.get("/api/v1/evidence/public-key?format=note").body());
        Path oldCp = write("old.checkpoint", older.note());
        Path newCp = write("new.checkpoint", anyone.get("/api/v1/evidence/checkpoint").body());
        assertThat(Files.readString(newCp)).isEqualTo(newer.note());
        Api regulator = Api.as(port, "regulator");
        Path leaf = write("leaf.json", regulator.get("/api/v1/evidence/leaves/" + index).body());
        Path hashOnly = write("hash-only-leaf.json", anyone.get("/api/v1/evidence/leaves/" + index).body());
        Path inclusion = write("inclusion.json", anyone.get("/api/v1/evidence/proofs/inclusion?index=%d&treeSize=%d"
                .formatted(index, newer.treeSize())).body());
        Path consistency = write("consistency.json", anyone.get("/api/v1/evidence/proofs/consistency?from=%d&to=%d"
                .formatted(older.treeSize(), newer.treeSize())).body());

        assertThat(verify("checkpoint", "--key", pem, "--checkpoint", newCp)).isZero();
        assertThat(verify("checkpoint", "--key", noteKey, "--checkpoint", newCp)).isZero();
        assertThat(verify("inclusion", "--key", pem, "--checkpoint", newCp, "--proof", inclusion, "--leaf", leaf))
                .isZero();
        assertThat(verify("consistency", "--key", noteKey, "--old", oldCp, "--new", newCp, "--proof", consistency))
                .isZero();

        Path forged = write("forged.checkpoint", newer.note().replaceFirst("\n" + newer.treeSize() + "\n",
                "\n" + (newer.treeSize() + 1) + "\n"));
        assertThat(verify("checkpoint", "--key", pem, "--checkpoint", forged)).isEqualTo(1);
        String leafJson = Files.readString(leaf);
        String data = regulator.get("/api/v1/evidence/leaves/" + index).json().path("data").asString();
        byte[] bytes = Base64.getDecoder().decode(data);
        bytes[bytes.length - 2] ^= 1;
        Path tamperedLeaf = write("tampered-leaf.json", leafJson.replace(data, Base64.getEncoder().encodeToString(bytes)));
        assertThat(verify("inclusion", "--key", pem, "--checkpoint", newCp, "--proof", inclusion, "--leaf",
                tamperedLeaf)).isEqualTo(1);
        assertThat(verify("consistency", "--key", pem, "--old", newCp, "--new", oldCp, "--proof", consistency))
                .isEqualTo(1);
        assertThat(verify("inclusion", "--key", pem)).isEqualTo(2);
        // a leaf fetched anonymously has no data to check: the holder gives their own bytes
        assertThat(verify("inclusion", "--key", pem, "--checkpoint", newCp, "--proof", inclusion, "--leaf", hashOnly))
                .isEqualTo(2);
        Path held = Files.write(dir.resolve("held.bin"), Base64.getDecoder().decode(data));
        assertThat(verify("inclusion", "--key", pem, "--checkpoint", newCp, "--proof", inclusion, "--data", held))
                .isZero();
    }

    @Test
    void aLeafsDataAndRecordAreForTheLogsAuditorsOnly() {
        List<Long> ids = appendSome("confidential", 2);
        evidence.sequence();
        long index = evidence.leafIndexOf(ids.get(1)).orElseThrow();
        String path = "/api/v1/evidence/leaves/" + index;
        for (Api outsider : List.of(Api.anonymous(port), Api.as(port, "bank-a"), Api.as(port, "enterprise"),
                Api.as(port, "provider"))) {
            JsonNode leaf = outsider.get(path).json();
            assertThat(leaf.path("index").asLong()).isEqualTo(index);
            assertThat(leaf.path("leafHash").asString()).isNotBlank();
            assertThat(leaf.has("data")).isFalse();
            assertThat(leaf.has("kind")).isFalse();
            assertThat(leaf.has("recordRef")).isFalse();
        }
        for (String auditor : List.of("analyst", "regulator")) {
            JsonNode leaf = Api.as(port, auditor).get(path).json();
            byte[] data = Base64.getDecoder().decode(leaf.path("data").asString());
            assertThat(Base64.getDecoder().decode(leaf.path("leafHash").asString())).isEqualTo(MerkleHashes.leafHash(data));
            assertThat(leaf.path("kind").asString()).isEqualTo("test_log");
            assertThat(leaf.path("recordRef").asString()).isNotBlank();
        }
    }

    @Test
    void badParametersAreProblems() {
        appendSome("params", 3);
        evidence.sequence();
        Api anyone = Api.anonymous(port);
        long size = evidence.size();
        assertProblem(anyone.get("/api/v1/evidence/proofs/inclusion?index=%d&treeSize=%d".formatted(size, size)), 422,
                "EVIDENCE_INDEX_OUT_OF_RANGE");
        assertProblem(anyone.get("/api/v1/evidence/proofs/inclusion?index=0&treeSize=" + (size + 1000)), 404,
                "EVIDENCE_TREE_SIZE_UNKNOWN");
        assertProblem(anyone.get("/api/v1/evidence/proofs/inclusion?index=x&treeSize=1"), 400, "INVALID_PARAMETER");
        assertProblem(anyone.get("/api/v1/evidence/proofs/consistency?from=2&to=1"), 422, "EVIDENCE_RANGE_REVERSED");
        assertProblem(anyone.get("/api/v1/evidence/leaves/" + (size + 1000)), 404, "EVIDENCE_LEAF_NOT_FOUND");
        assertProblem(anyone.get("/api/v1/evidence/public-key?format=der"), 400, "EVIDENCE_KEY_FORMAT_UNKNOWN");
        assertThat(anyone.post("/api/v1/evidence/verifications", "{}").status()).isIn(401, 403);
        assertThat(Api.as(port, "bank-a").get("/api/v1/evidence/alerts").status()).isEqualTo(403);
    }

    @Test
    void anAlteredLeafRowRaisesAnAlertNamingIt() {
        List<Long> ids = appendSome("tamper", 3);
        evidence.sequence();
        long index = evidence.leafIndexOf(ids.get(1)).orElseThrow();
        evidence.checkpointNow();
        byte[] original = evidence.leafAt(index).orElseThrow().data();
        byte[] altered = original.clone();
        altered[altered.length - 2] ^= 1;
        jdbc.update("UPDATE evidence_leaf SET data = ? WHERE leaf_index = ?", altered, index);
        try {
            JsonNode report = Api.as(port, "regulator").post("/api/v1/evidence/verifications", "").json();
            assertThat(report.path("newAlerts").toString()).contains("EVIDENCE_LEAF_ALTERED");
            JsonNode alerts = Api.as(port, "analyst").get("/api/v1/evidence/alerts").json();
            JsonNode alert = find(alerts, "EVIDENCE_LEAF_ALTERED", index);
            assertThat(alert.path("kind").asString()).isEqualTo("test_log");
            assertThat(alert.path("recordRef").asString()).isEqualTo(evidence.leafAt(index).orElseThrow().recordRef());
            // the stored hash altered to match the data: the signed checkpoint's root still gives it away
            jdbc.update("UPDATE evidence_leaf SET leaf_hash = ? WHERE leaf_index = ?", MerkleHashes.leafHash(altered),
                    index);
            assertThat(Api.as(port, "regulator").post("/api/v1/evidence/verifications", "").status()).isEqualTo(200);
            JsonNode after = Api.as(port, "analyst").get("/api/v1/evidence/alerts").json();
            assertThat(after.toString()).contains("EVIDENCE_ROOT_MISMATCH");
        } finally {
            jdbc.update("UPDATE evidence_leaf SET data = ?, leaf_hash = ? WHERE leaf_index = ?", original,
                    MerkleHashes.leafHash(original), index);
        }
    }

    @Autowired
    io.tanxin.evidence.internal.VerificationJob job;

    @Test
    void aScheduledRunReadsWhatWasAddedSinceTheRunBeforeAndEveryNthRunReadsEverything() {
        // the second of two full runs raises nothing new, whatever other tests left altered
        job.run();
        assertThat(job.run().newAlerts()).isEmpty();
        appendSome("scheduled", 4);
        evidence.sequence();
        evidence.checkpointNow();
        VerificationReport incremental = job.runScheduled(3);
        assertThat(incremental.leavesChecked()).isEqualTo(4);
        assertThat(incremental.sourceRecordsChecked()).isZero();
        assertThat(incremental.newAlerts()).isEmpty();
        assertThat(job.runScheduled(3).leavesChecked()).isZero();
        // the third scheduled run since the full one reads the whole log again
        assertThat(job.runScheduled(3).leavesChecked()).isEqualTo(evidence.size());

        // a leaf added and altered since the run before is found by the next run
        List<Long> ids = appendSome("scheduled-tamper", 2);
        evidence.sequence();
        long index = evidence.leafIndexOf(ids.get(0)).orElseThrow();
        byte[] original = evidence.leafAt(index).orElseThrow().data();
        byte[] altered = original.clone();
        altered[altered.length - 2] ^= 1;
        jdbc.update("UPDATE evidence_leaf SET data = ? WHERE leaf_index = ?", altered, index);
        try {
            VerificationReport caught = job.runScheduled(3);
            assertThat(caught.leavesChecked()).isEqualTo(2);
            assertThat(caught.newAlerts()).extracting(EvidenceAlert::code).contains("EVIDENCE_LEAF_ALTERED");
            // and after a new alert the next run reads everything
            assertThat(job.runScheduled(3).leavesChecked()).isEqualTo(evidence.size());
        } finally {
            jdbc.update("UPDATE evidence_leaf SET data = ? WHERE leaf_index = ?", original, index);
        }
    }

    @Test
    void aCheckpointAlteredAfterItsSignatureWasVerifiedIsCaughtByTheNextRun() {
        appendSome("checkpoint-tamper", 2);
        evidence.sequence();
        evidence.checkpointNow();
        // this run verifies every signature; later runs skip those whose notes are unchanged
        assertThat(Api.as(port, "regulator").post("/api/v1/evidence/verifications", "").status()).isEqualTo(200);

        var oldest = jdbc.queryForMap("SELECT id, tree_size, note_text FROM evidence_checkpoint ORDER BY id LIMIT 1");
        String note = (String) oldest.get("note_text");
        String signatureLine = note.substring(note.lastIndexOf("\n\n") + 2, note.length() - 1);
        String base64 = signatureLine.substring(signatureLine.lastIndexOf(' ') + 1);
        byte[] signature = java.util.Base64.getDecoder().decode(base64);
        signature[signature.length - 1] ^= 1;
        String altered = note.replace(base64, java.util.Base64.getEncoder().encodeToString(signature));
        jdbc.update("UPDATE evidence_checkpoint SET note_text = ? WHERE id = ?", altered, oldest.get("id"));
        try {
            JsonNode report = Api.as(port, "regulator").post("/api/v1/evidence/verifications", "").json();
            JsonNode alert = null;
            for (JsonNode a : report.path("newAlerts")) {
                if ("EVIDENCE_CHECKPOINT_SIGNATURE_INVALID".equals(a.path("code").asString())) {
                    alert = a;
                }
            }
            assertThat(alert).as(report.toString()).isNotNull();
            assertThat(alert.path("treeSize").asLong()).isEqualTo(((Number) oldest.get("tree_size")).longValue());
        } finally {
            jdbc.update("UPDATE evidence_checkpoint SET note_text = ? WHERE id = ?", note, oldest.get("id"));
        }
    }

    @Test
    void aSourceRowChangedBehindTheLogsBackRaisesAnAlertNamingIt() {
        long id = System.nanoTime() % 1_000_000_000L;
        jdbc.update("INSERT INTO evidence_test_record (id, amount, note) VALUES (?, ?, ?)", id,
                new BigDecimal("12.50"), "原始 original");
        new TransactionTemplate(transactions).executeWithoutResult(s -> evidence.append(TestRecordSource.KIND,
                "test_record:" + id, TestRecordSource.data(id, new BigDecimal("12.5"), "原始 original")));
        evidence.sequence();
        LeafInfo leaf = evidence.leafFor("test_record:" + id).orElseThrow();
        assertThat(Api.as(port, "analyst").post("/api/v1/evidence/verifications", "").status()).isEqualTo(200);
        assertThat(Api.as(port, "analyst").get("/api/v1/evidence/alerts").body()).doesNotContain("test_record:" + id);

        jdbc.update("UPDATE evidence_test_record SET amount = 1.25 WHERE id = ?", id);
        JsonNode report = Api.as(port, "analyst").post("/api/v1/evidence/verifications", "").json();
        JsonNode alert = find(report.path("newAlerts"), "EVIDENCE_SOURCE_MISMATCH", leaf.index());
        assertThat(alert.path("recordRef").asString()).isEqualTo("test_record:" + id);
        assertThat(alert.path("kind").asString()).isEqualTo(TestRecordSource.KIND);
    }

    @Test
    void anAppendInARolledBackTransactionLeavesNoLeaf() {
        long[] id = new long[1];
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            id[0] = evidence.append("test_log", "rollback:" + UUID.randomUUID(), "never".getBytes(StandardCharsets.UTF_8));
            status.setRollbackOnly();
        });
        long before = evidence.size();
        evidence.sequence();
        assertThat(evidence.leafIndexOf(id[0])).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_leaf WHERE id = ?", Integer.class, id[0])).isZero();
        assertThat(evidence.size()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void theTreeRebuiltFromStorageHasTheSameRoot() {
        appendSome("restart", 11);
        evidence.sequence();
        long size = evidence.size();
        assertThat(tree.rebuild().root(size)).isEqualTo(evidence.rootAt(size));
    }

    private List<Long> appendSome(String prefix, int n) {
        List<EvidenceLog.Entry> entries = new ArrayList<>();
        String batch = UUID.randomUUID().toString();
        for (int i = 0; i < n; i++) {
            entries.add(new EvidenceLog.Entry(prefix + ":" + batch + ":" + i,
                    EvidenceData.of("test_log").put("batch", batch).put("seq", i).toBytes()));
        }
        List<Long> ids = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(s -> ids.addAll(evidence.appendAll("test_log", entries)));
        return ids;
    }

    private static JsonNode find(JsonNode alerts, String code, long leafIndex) {
        for (JsonNode a : alerts) {
            if (a.path("code").asString().equals(code) && a.path("leafIndex").asLong(-1) == leafIndex) {
                return a;
            }
        }
        throw new AssertionError("no " + code + " alert for leaf " + leafIndex + " in " + alerts);
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(Base64.getDecoder().decode(h.asString())));
        return out;
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static int verify(Object... args) {
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(strings, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        System.out.println(buffer.toString(StandardCharsets.UTF_8));
        return exit;
    }
}
