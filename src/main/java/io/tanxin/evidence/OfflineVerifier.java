package io.tanxin.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tanxin.evidence.merkle.MerkleHashes;
import io.tanxin.evidence.merkle.MerkleVerifier;
import io.tanxin.evidence.note.Checkpoint;
import io.tanxin.evidence.note.Ed25519Keys;
import io.tanxin.evidence.note.SignedNote;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar tanxin-exec.jar verify ...}: checks a checkpoint's signature, a leaf's inclusion
 * and two checkpoints' consistency with nothing but files and the public key, no database and no
 * Spring. The files are what the public API serves. Exit code 0 verified, 1 failed, 2 usage error.
 */
public final class OfflineVerifier {

    static final String USAGE = """
            用法 / usage:
              verify checkpoint  --key KEY --checkpoint CHECKPOINT
              verify inclusion   --key KEY --checkpoint CHECKPOINT --proof INCLUSION.json [--leaf LEAF.json | --data FILE]
              verify consistency --key KEY --old CHECKPOINT --new CHECKPOINT --proof CONSISTENCY.json
              verify report      --key KEY --report REPORT.json
            REPORT.json: 碳信用报告 JSON（Accept: application/json），自带检查点与包含证明 / a carbon credit report
                 as JSON, which carries its checkpoint and inclusion proof
            KEY: PEM 公钥文件（GET /api/v1/evidence/public-key）或签名注记验证密钥（?format=note），文件或字符串均可
                 a PEM public key file (GET /api/v1/evidence/public-key) or a signed-note verifier key (?format=note),
                 as a file or the string itself
            CHECKPOINT: GET /api/v1/evidence/checkpoint 的文本 / the text of GET /api/v1/evidence/checkpoint
            INCLUSION.json: GET /api/v1/evidence/proofs/inclusion; CONSISTENCY.json: GET /api/v1/evidence/proofs/consistency
            LEAF.json: GET /api/v1/evidence/leaves/{index}（含 data 须分析师或监管身份 / with data for analysts and
                 regulators only）; FILE: 您持有的叶子原始字节 / the leaf's raw bytes you hold
            退出码 / exit code: 0 验证通过 verified, 1 验证失败 failed, 2 用法错误 usage error
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;

    private OfflineVerifier(PrintStream out) {
        this.out = out;
    }

    public static int main(String[] args) {
        return run(args, System.out);
    }

    public static int run(String[] args, PrintStream out) {
        try {
            return new OfflineVerifier(out).dispatch(args);
        } catch (UsageException e) {
            out.println("用法错误 / usage error: " + e.getMessage());
            out.print(USAGE);
            return 2;
        } catch (VerificationFailed e) {
            out.println("验证失败 / verification FAILED: " + e.getMessage());
            return 1;
        }
    }

    private int dispatch(String[] args) {
        if (args.length == 0) {
            throw new UsageException("缺少子命令 / missing subcommand");
        }
        Map<String, String> options = options(args);
        Ed25519Keys.NoteKey key = key(required(options, "key"));
        switch (args[0]) {
            case "checkpoint" -> {
                Checkpoint cp = signedCheckpoint(key, required(options, "checkpoint"));
                out.printf("验证通过 / verified: 检查点签名有效 / checkpoint signature valid: %s, 大小 / size %d, 根 / root %s%n",
                        cp.origin(), cp.treeSize(), b64(cp.rootHash()));
            }
            case "inclusion" -> inclusion(key, options);
            case "consistency" -> consistency(key, options);
            case "report" -> report(key, options);
            default -> throw new UsageException("未知子命令 / unknown subcommand " + args[0]);
        }
        return 0;
    }

    private void inclusion(Ed25519Keys.NoteKey key, Map<String, String> options) {
        Checkpoint cp = signedCheckpoint(key, required(options, "checkpoint"));
        JsonNode proof = json(required(options, "proof"));
        long index = proof.path("index").asLong(-1);
        long treeSize = proof.path("treeSize").asLong(-1);
        byte[] leafHash = leafHash(options, proof);
        if (treeSize != cp.treeSize()) {
            throw new VerificationFailed("证明的树大小 " + treeSize + " 与检查点大小 " + cp.treeSize() + " 不同 / the proof is for "
                    + "tree size " + treeSize + ", the checkpoint has size " + cp.treeSize());
        }
        if (!MerkleVerifier.verifyInclusion(index, treeSize, leafHash, hashes(proof.path("proof")), cp.rootHash())) {
            throw new VerificationFailed("叶子 " + index + " 不在检查点的树中（包含证明不成立）/ leaf " + index
                    + " is not included in the checkpoint's tree (the inclusion proof does not hold)");
        }
        out.printf("验证通过 / verified: 叶子 %d 包含在已签名的大小为 %d 的树中 / leaf %d is included in the signed tree of "
                + "size %d (%s)%n", index, treeSize, index, treeSize, cp.origin());
    }

    private byte[] leafHash(Map<String, String> options, JsonNode proof) {
        if (options.containsKey("data")) {
            return MerkleHashes.leafHash(bytes(options.get("data")));
        }
        if (options.containsKey("leaf")) {
            JsonNode leaf = json(options.get("leaf"));
            if (!leaf.hasNonNull("data")) {
                throw new UsageException("叶子文件不含数据（匿名取得的叶子只有哈希）：请用 --data 给出您持有的原始字节，或以分析师"
                        + "或监管身份取叶子 / the leaf file has no data (a leaf fetched anonymously carries only its "
                        + "hash): give the bytes you hold with --data FILE, or fetch the leaf as an analyst or regulator");
            }
            byte[] data = base64(leaf.path("data").asString(""), "leaf data");
            if (leaf.path("index").asLong(-1) != proof.path("index").asLong(-2)) {
                throw new VerificationFailed("叶子文件与证明的序号不同 / the leaf file and the proof name different indices");
            }
            return MerkleHashes.leafHash(data);
        }
        out.println("注意 / note: 未给出叶子数据，只验证证明中的叶子哈希 / no leaf data given: checking the proof's leaf hash");
        return base64(proof.path("leafHash").asString(""), "leafHash");
    }

    private void consistency(Ed25519Keys.NoteKey key, Map<String, String> options) {
        Checkpoint older = signedCheckpoint(key, required(options, "old"));
        Checkpoint newer = signedCheckpoint(key, required(options, "new"));
        JsonNode proof = json(required(options, "proof"));
        if (proof.path("from").asLong(-1) != older.treeSize() || proof.path("to").asLong(-1) != newer.treeSize()) {
            throw new VerificationFailed("证明的大小与两个检查点不符 / the proof's sizes do not match the two checkpoints");
        }
        if (!older.origin().equals(newer.origin())) {
            throw new VerificationFailed("两个检查点来自不同的日志 / the checkpoints come from different logs");
        }
        if (!MerkleVerifier.verifyConsistency(older.treeSize(), newer.treeSize(), older.rootHash(), newer.rootHash(),
                hashes(proof.path("proof")))) {
            throw new VerificationFailed("大小为 " + newer.treeSize() + " 的树不是大小为 " + older.treeSize()
                    + " 的树的延续 / the tree of size " + newer.treeSize() + " does not extend the tree of size "
                    + older.treeSize());
        }
        out.printf("验证通过 / verified: 大小 %d 的树是大小 %d 的树的仅追加延续 / the tree of size %d is an append-only "
                + "extension of the tree of size %d%n", newer.treeSize(), older.treeSize(), newer.treeSize(),
                older.treeSize());
    }

    // --- carbon credit reports: body hash → leaf data → inclusion in the embedded signed checkpoint

    /** The leaf kind of an issued carbon credit report. */
    public static final String REPORT_KIND = "credit_report";

    /** The leaf data of a report: its number, USCC, issue time and the SHA-256 of its body's canonical JSON. */
    public static byte[] reportLeafData(String reportNumber, String uscc, java.time.Instant issuedAt, byte[] bodySha256) {
        return EvidenceData.of(REPORT_KIND).put("reportNumber", reportNumber).put("uscc", uscc)
                .put("issuedAt", issuedAt).putHex("bodySha256", bodySha256).toBytes();
    }

    /** SHA-256 of the canonical JSON of a report's body (see {@link #canonicalJson}). */
    public static byte[] reportBodyHash(JsonNode body) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(body).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers as plain
     * decimals without trailing zeros (0 as {@code 0}), strings escaped as JSON requires (control
     * characters, quote and backslash only), so that any parser's reading of the same text gives it.
     */
    public static String canonicalJson(JsonNode node) {
        StringBuilder b = new StringBuilder();
        canonical(node, b);
        return b.toString();
    }

    private static void canonical(JsonNode n, StringBuilder b) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            b.append("null");
        } else if (n.isObject()) {
            // String's natural order is UTF-16 code-unit order
            String[] names = n.propertyNames().toArray(String[]::new);
            java.util.Arrays.sort(names);
            b.append('{');
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                string(names[i], b);
                b.append(':');
                canonical(n.get(names[i]), b);
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
        } else if (n.isIntegralNumber() && n.canConvertToLong()) {
            // what the decimal rule below gives for a whole number, without making a BigDecimal
            b.append(n.longValue());
        } else if (n.isNumber()) {
            java.math.BigDecimal d = n.decimalValue();
            b.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else if (n.isBoolean()) {
            b.append(n.booleanValue());
        } else {
            string(n.asString(), b);
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                b.append(s, plain, i);
                if (c < 0x20) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append('\\').append(c);
                }
                plain = i + 1;
            }
        }
        b.append(s, plain, s.length()).append('"');
    }

    private void report(Ed25519Keys.NoteKey key, Map<String, String> options) {
        String file = required(options, "report");
        JsonNode report;
        try {
            report = JsonMapper.builder().enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build().readTree(text(file));
        } catch (JacksonException e) {
            throw new VerificationFailed(file + " 不是有效的 JSON / is not valid JSON");
        }
        JsonNode body = report.path("body");
        JsonNode ev = report.path("evidence");
        if (!body.isObject() || !ev.isObject()) {
            throw new VerificationFailed("报告缺少 body 或 evidence / the report has no body or evidence section");
        }
        java.time.Instant issuedAt;
        try {
            issuedAt = java.time.OffsetDateTime.parse(body.path("issuedAt").asString("")).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new VerificationFailed("报告的签发时间无效 / the report's issuedAt is invalid");
        }
        byte[] data = reportLeafData(body.path("reportNumber").asString(""),
                body.path("identity").path("uscc").asString(""), issuedAt, reportBodyHash(body));
        long index = ev.path("leafIndex").asLong(-1);
        Checkpoint cp;
        try {
            Optional<String> signed = SignedNote.verify(ev.path("checkpoint").asString(""), key);
            if (signed.isEmpty()) {
                throw new VerificationFailed("报告中的检查点没有该公钥的有效签名 / the report's checkpoint carries no valid "
                        + "signature by this key");
            }
            cp = Checkpoint.parse(signed.get());
        } catch (IllegalArgumentException e) {
            throw new VerificationFailed("检查点格式错误 / malformed checkpoint: " + e.getMessage());
        }
        if (!MerkleVerifier.verifyInclusion(index, cp.treeSize(), MerkleHashes.leafHash(data),
                hashes(ev.path("inclusionProof")), cp.rootHash())) {
            throw new VerificationFailed("报告内容与证据日志叶子 " + index + " 不符，或该叶子不在检查点的树中 / the report does not "
                    + "match evidence leaf " + index + ", or the leaf is not in the checkpoint's tree");
        }
        out.printf("验证通过 / verified: 报告 %s 与证据日志叶子 %d 一致，且包含在已签名的大小为 %d 的树中 / report %s matches "
                + "leaf %d, included in the signed tree of size %d (%s)%n", body.path("reportNumber").asString(""),
                index, cp.treeSize(), body.path("reportNumber").asString(""), index, cp.treeSize(), cp.origin());
    }

    private Checkpoint signedCheckpoint(Ed25519Keys.NoteKey key, String file) {
        String note = text(file);
        Optional<String> body = SignedNote.verify(note, key);
        if (body.isEmpty()) {
            throw new VerificationFailed("检查点 " + file + " 没有该公钥的有效签名 / checkpoint " + file
                    + " carries no valid signature by this key");
        }
        try {
            return Checkpoint.parse(body.get());
        } catch (IllegalArgumentException e) {
            throw new VerificationFailed("检查点格式错误 / malformed checkpoint: " + e.getMessage());
        }
    }

    private static Ed25519Keys.NoteKey key(String value) {
        String text = Files.isRegularFile(Path.of(value)) ? text(value) : value;
        try {
            if (text.strip().startsWith("-----BEGIN")) {
                // a PEM key has no name: the name on the signature line is checked through the key ID
                return new Ed25519Keys.NoteKey(null, Ed25519Keys.rawFromPem(text));
            }
            return Ed25519Keys.parseVerifierKey(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("无法读取公钥 / cannot read the public key: " + e.getMessage());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("参数应为 --名称 值 / options come as --name value: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("缺少 --" + name + " / --" + name + " is required");
        }
        return value;
    }

    private static JsonNode json(String file) {
        try {
            return JSON.readTree(text(file));
        } catch (JacksonException e) {
            throw new VerificationFailed(file + " 不是有效的 JSON / is not valid JSON");
        }
    }

    private static List<byte[]> hashes(JsonNode array) {
        if (!array.isArray()) {
            throw new VerificationFailed("证明中缺少 proof 数组 / the proof has no proof array");
        }
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(base64(h.asString(""), "proof")));
        return hashes;
    }

    private static byte[] base64(String value, String what) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new VerificationFailed(what + " 不是 base64 / is not base64");
        }
    }

    private static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UsageException("无法读取文件 / cannot read file " + file);
        }
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }


    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static final class VerificationFailed extends RuntimeException {
        VerificationFailed(String message) {
            super(message);
        }
    }
}
