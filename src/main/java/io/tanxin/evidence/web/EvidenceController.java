package io.tanxin.evidence.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.evidence.EvidenceAlert;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.EvidencePublicKey;
import io.tanxin.evidence.EvidenceVerification;
import io.tanxin.evidence.LeafInfo;
import io.tanxin.evidence.VerificationReport;
import io.tanxin.identity.Actors;
import io.tanxin.identity.Role;
import io.tanxin.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public face of the evidence log: anyone may fetch checkpoints, leaf hashes and proofs and check
 * them with nothing but the public key. A leaf's data and the record it stands for are confidential
 * (who queried which enterprise under which consent, objection reasons, monthly emissions): only the
 * agency's analysts and regulators, who audit the log, see them; everyone else checks the data they
 * already hold (a report carries its own leaf data) against the public hash. Hashes and data are
 * standard base64.
 */
@RestController
@Tag(name = "evidence", description = "证据日志 / evidence log (RFC 9162 Merkle log, C2SP signed checkpoints)")
class EvidenceController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final EvidenceLog evidence;
    private final EvidenceVerification verification;

    EvidenceController(EvidenceLog evidence, EvidenceVerification verification) {
        this.evidence = evidence;
        this.verification = verification;
    }

    @GetMapping("/api/v1/evidence/checkpoint")
    @Operation(summary = "最新的已签名检查点（C2SP checkpoint 签名文本）/ latest signed checkpoint, C2SP signed-note "
            + "text (anonymous callers allowed)")
    ResponseEntity<String> checkpoint() {
        return ResponseEntity.ok().contentType(TEXT).body(evidence.latestCheckpoint().note());
    }

    @GetMapping("/api/v1/evidence/public-key")
    @Operation(summary = "检查点签名公钥：默认 PEM（SubjectPublicKeyInfo, Ed25519）；format=note 返回签名注记验证密钥 "
            + "<name>+<hex key id>+<base64(0x01‖key)>；format=json 返回全部 / the Ed25519 public key checkpoints are "
            + "signed with: PEM (-----BEGIN PUBLIC KEY-----, SPKI) by default, format=note gives the signed-note "
            + "verifier key, format=json gives key name, key ID, PEM and verifier key (anonymous callers allowed)")
    ResponseEntity<?> publicKey(@Parameter(description = "pem | note | json") @RequestParam(defaultValue = "pem")
            String format) {
        EvidencePublicKey key = evidence.publicKey();
        return switch (format) {
            case "pem" -> ResponseEntity.ok().contentType(TEXT).body(key.publicKeyPem());
            case "note" -> ResponseEntity.ok().contentType(TEXT).body(key.verifierKey() + "\n");
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(key);
            default -> throw new DomainException("EVIDENCE_KEY_FORMAT_UNKNOWN", "format 只能是 pem、note 或 json",
                    "format must be pem, note or json").withStatus(400);
        };
    }

    @GetMapping("/api/v1/evidence/leaves/{index}")
    @Operation(summary = "按序号取证据叶子：任何人可取叶子哈希；data（被哈希的原始字节）、kind 与 recordRef 仅对征信机构分析师"
            + "与监管机构返回 / a leaf by index: anyone gets its hash; data (exactly the leaf-hashed bytes), kind and "
            + "recordRef only for AGENCY_ANALYST and REGULATOR (anonymous callers allowed)")
    LeafResponse leaf(@PathVariable long index) {
        LeafInfo leaf = evidence.leafAt(index).orElseThrow(() -> new DomainException("EVIDENCE_LEAF_NOT_FOUND",
                "证据叶子 " + index + " 不存在", "There is no evidence leaf " + index).withStatus(404));
        if (!auditsTheLog()) {
            return new LeafResponse(leaf.index(), B64.encodeToString(leaf.leafHash()), null, null, null,
                    leaf.appendedAt());
        }
        return new LeafResponse(leaf.index(), B64.encodeToString(leaf.leafHash()), B64.encodeToString(leaf.data()),
                leaf.kind(), leaf.recordRef(), leaf.appendedAt());
    }

    private static boolean auditsTheLog() {
        return Actors.current().filter(a -> a.has(Role.AGENCY_ANALYST) || a.has(Role.REGULATOR)).isPresent();
    }

    @GetMapping("/api/v1/evidence/proofs/inclusion")
    @Operation(summary = "叶子在给定大小的树中的包含证明（RFC 9162 §2.1.3）/ inclusion proof of a leaf in the tree of a "
            + "given size, RFC 9162 §2.1.3 (anonymous callers allowed)")
    InclusionResponse inclusion(@RequestParam long index, @RequestParam long treeSize) {
        List<byte[]> proof = evidence.inclusionProof(index, treeSize);
        LeafInfo leaf = evidence.leafAt(index).orElseThrow();
        return new InclusionResponse(index, treeSize, B64.encodeToString(leaf.leafHash()),
                B64.encodeToString(evidence.rootAt(treeSize)), proof.stream().map(B64::encodeToString).toList());
    }

    @GetMapping("/api/v1/evidence/proofs/consistency")
    @Operation(summary = "两个树大小之间的一致性证明（RFC 9162 §2.1.4）/ consistency proof between two tree sizes, "
            + "RFC 9162 §2.1.4 (anonymous callers allowed)")
    ConsistencyResponse consistency(@RequestParam long from, @RequestParam long to) {
        List<byte[]> proof = evidence.consistencyProof(from, to);
        return new ConsistencyResponse(from, to, proof.stream().map(B64::encodeToString).toList(),
                B64.encodeToString(evidence.rootAt(from)), B64.encodeToString(evidence.rootAt(to)));
    }

    @PostMapping("/api/v1/evidence/verifications")
    @PreAuthorize("hasAnyRole('AGENCY_ANALYST','REGULATOR')")
    @Operation(summary = "立即运行证据校验（重算叶子、树根、签名与来源记录）/ run the evidence verification now: leaves, "
            + "roots, signatures and source records (AGENCY_ANALYST, REGULATOR)")
    VerificationReport verify() {
        return verification.verifyNow();
    }

    @GetMapping("/api/v1/evidence/alerts")
    @PreAuthorize("hasAnyRole('AGENCY_ANALYST','REGULATOR')")
    @Operation(summary = "证据校验告警，最新在前 / alerts of the evidence verification, newest first "
            + "(AGENCY_ANALYST, REGULATOR)")
    List<EvidenceAlert> alerts(@RequestParam(defaultValue = "100") int limit) {
        return verification.alerts(limit);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LeafResponse(long index, String leafHash, String data, String kind, String recordRef, Instant appendedAt) {
    }

    record InclusionResponse(long index, long treeSize, String leafHash, String rootHash, List<String> proof) {
    }

    record ConsistencyResponse(long from, long to, List<String> proof, String fromRoot, String toRoot) {
    }
}
