package io.tanxin.reporting.web;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.reporting.Consent;
import io.tanxin.reporting.ConsentManagement;
import io.tanxin.reporting.Replayable;
import io.tanxin.reporting.ReportPurpose;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "consents", description = "查询授权 / consents to query carbon credit reports")
class ConsentController {

    private final ConsentManagement consents;

    ConsentController(ConsentManagement consents) {
        this.consents = consents;
    }

    record GrantRequest(@NotBlank String institutionCode, @NotBlank String purpose, @NotNull LocalDate validUntil) {
    }

    /** The consent as granted, and whether this answer replays an earlier request with the same key. */
    record GrantAnswer(@JsonUnwrapped Consent consent, boolean replayed) {
    }

    @PostMapping("/api/v1/enterprises/{uscc}/consents")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "企业授权金融机构查询其碳信用报告（支持 Idempotency-Key：相同请求重试返回 200 与首次结果，"
            + "同一 Key 用于不同请求返回 422 IDEMPOTENCY_KEY_REUSED）/ grant an institution consent "
            + "(ENTERPRISE, own; a retry with the same Idempotency-Key and body answers 200 with the first "
            + "consent, replayed=true; the key reused for another request is 422 IDEMPOTENCY_KEY_REUSED)")
    ResponseEntity<GrantAnswer> grant(@PathVariable String uscc, @Valid @RequestBody GrantRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Actors.requireEnterpriseAccess(uscc);
        Replayable<Consent> granted = Replayable.racingForItsKey(() -> consents.grantOnce(uscc,
                request.institutionCode(), ReportPurpose.parse(request.purpose()), request.validUntil(), Actors.require(),
                idempotencyKey));
        return ResponseEntity.status(granted.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new GrantAnswer(granted.result(), granted.replayed()));
    }

    @DeleteMapping("/api/v1/enterprises/{uscc}/consents/{id}")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "撤销授权（记录保留；重复撤销返回已撤销的授权）/ revoke a consent, kept in history; revoking "
            + "it again answers with the revoked consent (ENTERPRISE, own)")
    Consent revoke(@PathVariable String uscc, @PathVariable long id) {
        Actors.requireEnterpriseAccess(uscc);
        return consents.revoke(uscc, id, Actors.require());
    }

    @PostMapping("/api/v1/enterprises/{uscc}/consents/{id}/revocation")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "撤销授权（重复撤销返回已撤销的授权）/ revoke a consent; revoking it again answers with the "
            + "revoked consent (ENTERPRISE, own)")
    Consent revokeByPost(@PathVariable String uscc, @PathVariable long id) {
        return revoke(uscc, id);
    }

    @GetMapping("/api/v1/enterprises/{uscc}/consents")
    @PreAuthorize("hasAnyRole('ENTERPRISE','REGULATOR','AGENCY_ANALYST')")
    @Operation(summary = "企业的全部授权（含已撤销、已过期）/ all consents of an enterprise "
            + "(ENTERPRISE own, REGULATOR, AGENCY_ANALYST)")
    List<Consent> forEnterprise(@PathVariable String uscc) {
        Actors.requireEnterpriseAccess(uscc);
        return consents.forEnterprise(uscc);
    }

    @GetMapping("/api/v1/institutions/me/consents")
    @PreAuthorize("hasAnyRole('BANK_OFFICER','BANK_ADMIN')")
    @Operation(summary = "本机构获得的授权，30 天内到期者标记 expiringSoon / consents given to my institution "
            + "(BANK_OFFICER, BANK_ADMIN)")
    List<Consent> forMyInstitution() {
        Actor actor = Actors.require();
        return consents.forInstitution(actor.organisationCode());
    }
}
