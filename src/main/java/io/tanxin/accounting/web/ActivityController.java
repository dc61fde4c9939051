package io.tanxin.accounting.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.accounting.AccountingManagement;
import io.tanxin.accounting.ActivityLine;
import io.tanxin.accounting.MonthlyActivities;
import io.tanxin.accounting.RecordedActivities;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.identity.Role;
import io.tanxin.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Monthly activity data through the API (files and feeds come with the intake module). */
@RestController
@Tag(name = "accounting", description = "碳核算 / carbon accounting")
class ActivityController {

    private final AccountingManagement accounting;
    private final DirectoryManagement directory;

    ActivityController(AccountingManagement accounting, DirectoryManagement directory) {
        this.accounting = accounting;
        this.directory = directory;
    }

    @PutMapping("/api/v1/enterprises/{uscc}/activities/{month}")
    @PreAuthorize("hasAnyRole('DATA_PROVIDER','AGENCY_ANALYST','ENTERPRISE')")
    @Operation(summary = "提交某月活动数据（整月替换为新版本并重算；支持 Idempotency-Key）/ submit a month's activity data "
            + "as a new revision and recalculate; Idempotency-Key makes retries safe "
            + "(DATA_PROVIDER, AGENCY_ANALYST; ENTERPRISE for itself)")
    ResponseEntity<RecordedActivities> submit(@PathVariable String uscc, @PathVariable String month,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody ActivitiesRequest request) {
        Enterprise enterprise = enterprise(uscc);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 128)) {
            throw new DomainException("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key 应为 1–128 个字符",
                    "Idempotency-Key must have 1–128 characters").withStatus(400);
        }
        java.time.YearMonth period = CarbonAccountController.month(month);
        if (period.isAfter(java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")))) {
            throw new DomainException("FUTURE_PERIOD", "不能提交未来月份 " + period + " 的活动数据",
                    "Activity data for the future month " + period + " cannot be submitted");
        }
        MonthlyActivities activities = new MonthlyActivities(enterprise.uscc(), period, source(request.source()),
                request.activities().stream().map(a -> new ActivityLine(a.kind(), a.code(), a.quantity(), a.unit(),
                        a.parameters())).toList());
        RecordedActivities recorded = accounting.record(activities, Actors.require().username(), idempotencyKey);
        return ResponseEntity.status(recorded.replayed() ? 200 : 201).body(recorded);
    }

    @GetMapping("/api/v1/enterprises/{uscc}/activities/{month}")
    // not DATA_PROVIDER: a provider sends its own figures; the merged month carries every other
    // source's (tax bureau, enterprise, grid) for any enterprise, which is not a provider's to read
    @PreAuthorize("hasAnyRole('REGULATOR','AGENCY_ANALYST','VERIFIER','ENTERPRISE')")
    @Operation(summary = "某月最新版本的活动数据 / the newest revision of a month's activity data "
            + "(REGULATOR, AGENCY_ANALYST, VERIFIER; ENTERPRISE for itself)")
    RecordedActivities latest(@PathVariable String uscc, @PathVariable String month) {
        Enterprise enterprise = enterprise(uscc);
        return accounting.activities(enterprise.uscc(), CarbonAccountController.month(month));
    }

    /**
     * The label of who sent the figures, shown with them. An analyst keying in a document and a
     * provider's system (an institution's integration) name their source; an enterprise's own figures
     * are its self-report whatever it claims, or it could present them as the grid's.
     */
    private static String source(String requested) {
        Actor actor = Actors.require();
        if (!actor.has(Role.ENTERPRISE) || actor.has(Role.AGENCY_ANALYST) || actor.has(Role.DATA_PROVIDER)) {
            return requested == null ? "API" : requested;
        }
        if (requested != null && !requested.equals(SELF_REPORT)) {
            throw new DomainException("SOURCE_NOT_YOURS", "企业提交的数据来源只能是企业自报（SELF_REPORT），不能标为 " + requested,
                    "An enterprise's figures are its self-report (SELF_REPORT), not " + requested).withStatus(403);
        }
        return SELF_REPORT;
    }

    private static final String SELF_REPORT = "SELF_REPORT";

    private Enterprise enterprise(String raw) {
        return EnterpriseAccess.resolve(directory, raw);
    }

    record ActivitiesRequest(@Pattern(regexp = "[A-Z_]{1,32}") String source,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull ActivityRequest> activities) {
    }

    record ActivityRequest(@NotBlank String kind, @Size(max = 64) String code, @NotNull BigDecimal quantity,
            @NotBlank @Size(max = 16) String unit, Map<String, BigDecimal> parameters) {
    }
}
