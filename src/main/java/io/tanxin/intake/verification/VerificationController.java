package io.tanxin.intake.verification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.EnumParameter;
import io.tanxin.shared.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "verification", description = "数据校核 / cross-verification")
class VerificationController {

    private final CrossVerification verification;

    VerificationController(CrossVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/api/v1/verification/findings")
    @PreAuthorize("hasAnyRole('AGENCY_ANALYST','REGULATOR','VERIFIER','ENTERPRISE')")
    @Operation(summary = "核验发现（严重在前）/ verification findings, critical first "
            + "(AGENCY_ANALYST, REGULATOR, VERIFIER; ENTERPRISE sees its own)")
    Page<Finding> findings(@RequestParam(required = false) String uscc, @RequestParam(required = false) String status,
            @RequestParam(required = false) String severity, @RequestParam(required = false) String rule,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        io.tanxin.shared.Page.check(page, size);
        Actor actor = Actors.require();
        String only = actor.confinedToOwnEnterprise() ? actor.organisationCode() : uscc;
        if (actor.confinedToOwnEnterprise() && uscc != null && !uscc.equals(only)) {
            throw new DomainException("FORBIDDEN_TENANT", "无权访问其他企业的数据", "You may not access another enterprise's data")
                    .withStatus(403);
        }
        // an unknown filter value is a mistake to point out, not an empty list to puzzle over
        String st = status == null ? null : EnumParameter.parse(FindingStatus.class, status, "INVALID_STATUS", "状态").name();
        String sev = severity == null ? null
                : EnumParameter.parse(Severity.class, severity, "INVALID_SEVERITY", "严重度").name();
        return verification.findings(only, st, sev, rule, page, size);
    }

    @GetMapping("/api/v1/verification/findings/{id}")
    @PreAuthorize("hasAnyRole('AGENCY_ANALYST','REGULATOR','VERIFIER','ENTERPRISE')")
    @Operation(summary = "一条核验发现及其处理记录 / a finding with its history (roles as above)")
    Map<String, Object> finding(@PathVariable long id) {
        Finding f = Actors.requireOwnRecord(() -> verification.finding(id), Finding::uscc);
        return Map.of("finding", f, "notes", verification.notes(id));
    }

    @PostMapping("/api/v1/verification/findings/{id}/notes")
    @PreAuthorize("hasRole('AGENCY_ANALYST')")
    @Operation(summary = "分析师批注核验发现并改变状态（OPEN/EXPLAINED/RESOLVED）/ annotate a finding and set its status "
            + "(AGENCY_ANALYST)")
    Finding annotate(@PathVariable long id, @Valid @RequestBody NoteRequest request) {
        FindingStatus to;
        try {
            to = FindingStatus.valueOf(request.status());
        } catch (IllegalArgumentException e) {
            throw new DomainException("INVALID_STATUS", "状态应为 OPEN、EXPLAINED 或 RESOLVED",
                    "Status must be OPEN, EXPLAINED or RESOLVED");
        }
        return verification.annotate(id, Actors.require().username(), request.note(), to);
    }

    @GetMapping("/api/v1/verification/thresholds")
    @PreAuthorize("hasAnyRole('AGENCY_ANALYST','REGULATOR')")
    @Operation(summary = "校核规则阈值（可配置数据）/ rule thresholds, configurable data (AGENCY_ANALYST, REGULATOR)")
    List<Threshold> thresholds() {
        return verification.thresholds();
    }

    @PutMapping("/api/v1/verification/thresholds/{rule}/{industry}")
    @PreAuthorize("hasRole('AGENCY_ANALYST')")
    @Operation(summary = "修改规则阈值（行业用 * 表示通用）/ change a rule's thresholds, * for all industries (AGENCY_ANALYST)")
    Threshold update(@PathVariable String rule, @PathVariable String industry, @Valid @RequestBody ThresholdRequest r) {
        return verification.updateThreshold(new Threshold(rule, industry, r.warnAt(), r.criticalAt(), r.lowerBound(),
                r.upperBound(), ""));
    }

    record NoteRequest(@NotBlank @Size(max = 2000) String note, @NotBlank String status) {
    }

    record ThresholdRequest(@NotNull BigDecimal warnAt, @NotNull BigDecimal criticalAt, BigDecimal lowerBound,
            BigDecimal upperBound) {
    }
}
