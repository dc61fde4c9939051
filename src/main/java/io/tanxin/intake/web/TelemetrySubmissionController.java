package io.tanxin.intake.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.identity.Role;
import io.tanxin.intake.SubmissionResult;
import io.tanxin.intake.internal.TelemetrySubmissions;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.Period;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "telemetry", description = "园区计量遥测 / park meter telemetry")
class TelemetrySubmissionController {

    private final TelemetrySubmissions submissions;

    private final DirectoryManagement directory;

    TelemetrySubmissionController(TelemetrySubmissions submissions, DirectoryManagement directory) {
        this.submissions = submissions;
        this.directory = directory;
    }

    @PostMapping("/api/v1/telemetry/aggregations")
    @PreAuthorize("hasAnyRole('PARK_ADMIN','AGENCY_ANALYST')")
    @Operation(summary = "将某月计量读数汇总为月度活动数据并提交（每小时也自动执行）/ aggregate a month's readings into "
            + "monthly activity data and submit them now; also runs hourly (AGENCY_ANALYST; PARK_ADMIN for its park)")
    List<SubmissionResult> aggregate(@RequestParam String month, @RequestParam(required = false) String park) {
        Period period = Period.parse(month);
        if (period.kind() != Period.Kind.MONTH) {
            throw new DomainException("INVALID_PERIOD", "此处需要月份，如 2025-03", "A month such as 2025-03 is required")
                    .withStatus(400);
        }
        if (period.firstMonth().isAfter(java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")))) {
            throw new DomainException("FUTURE_PERIOD", "不能汇总未来月份 " + month, "The future month " + month
                    + " cannot be aggregated");
        }
        Actor actor = Actors.require();
        String only = park;
        if (!actor.has(Role.AGENCY_ANALYST)) {
            // a park administrator without a park would otherwise aggregate every park (null = all)
            if (actor.organisationCode() == null || (park != null && !park.equals(actor.organisationCode()))) {
                throw new DomainException("FORBIDDEN_TENANT", "只能汇总本园区的数据", "You may aggregate your own park only")
                        .withStatus(403);
            }
            only = actor.organisationCode();
        } else if (park != null) {
            directory.park(park); // an unknown park is named as such, not aggregated into nothing
        }
        return submissions.submitMonth(period.firstMonth(), only);
    }
}
