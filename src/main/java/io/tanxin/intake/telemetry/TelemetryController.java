package io.tanxin.intake.telemetry;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meter registry, dead letters and statistics. A park administrator works within its own park
 * (its organisation code is the park code); the agency and the regulator see every park.
 */
@RestController
@Tag(name = "telemetry", description = "园区能碳平台计量遥测 / park meter telemetry")
class TelemetryController {

    private final TelemetryManagement telemetry;
    private final DirectoryManagement directory;

    TelemetryController(TelemetryManagement telemetry, DirectoryManagement directory) {
        this.telemetry = telemetry;
        this.directory = directory;
    }

    @PostMapping("/api/v1/telemetry/meters")
    @PreAuthorize("hasAnyRole('PARK_ADMIN','AGENCY_ANALYST')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记计量表（表号、园区、所计量企业、计量类型、单位）/ register a meter "
            + "(AGENCY_ANALYST; PARK_ADMIN for its own park)")
    Meter register(@Valid @RequestBody MeterRequest request) {
        Actor actor = Actors.require();
        requirePark(actor, request.park());
        return telemetry.registerMeter(request.meterId(), request.park(), request.uscc(), request.kind(), request.unit(),
                actor.username());
    }

    @GetMapping("/api/v1/telemetry/meters")
    @PreAuthorize("hasAnyRole('PARK_ADMIN','AGENCY_ANALYST','REGULATOR')")
    @Operation(summary = "计量表列表（可按园区筛选）/ list meters, optionally of one park "
            + "(AGENCY_ANALYST, REGULATOR; PARK_ADMIN for its own park)")
    List<Meter> meters(@RequestParam(required = false) String park) {
        return telemetry.meters(scope(park));
    }

    @GetMapping("/api/v1/telemetry/dead-letters")
    @PreAuthorize("hasAnyRole('PARK_ADMIN','AGENCY_ANALYST')")
    @Operation(summary = "无法接收的遥测消息及原因（最新在前，分页）/ telemetry messages that could not be accepted, "
            + "with reasons, newest first (AGENCY_ANALYST; PARK_ADMIN for its own park)")
    Page<DeadLetter> deadLetters(@RequestParam(required = false) String park,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return telemetry.deadLetters(scope(park), page, size);
    }

    @GetMapping("/api/v1/telemetry/stats")
    @PreAuthorize("hasAnyRole('PARK_ADMIN','AGENCY_ANALYST','REGULATOR')")
    @Operation(summary = "遥测接收统计：读数数、死信数、各表最新读数时间 / telemetry statistics: readings, dead letters, "
            + "each meter's newest reading (AGENCY_ANALYST, REGULATOR; PARK_ADMIN for its own park)")
    TelemetryStats stats(@RequestParam(required = false) String park) {
        return telemetry.stats(scope(park));
    }

    /** The park a caller may look at: a park administrator its own whatever it asks, others what they ask. */
    private String scope(String requested) {
        Actor actor = Actors.require();
        if (actor.confinedToPark()) {
            requirePark(actor, requested == null ? actor.organisationCode() : requested);
            return actor.organisationCode();
        }
        if (requested == null || requested.isBlank()) {
            return null;
        }
        return directory.park(requested).code();
    }

    private static void requirePark(Actor actor, String park) {
        if (actor.confinedToPark() && !actor.worksForPark(park)) {
            throw new DomainException("FORBIDDEN_TENANT", "园区管理员只能管理本园区的计量表",
                    "A park administrator manages only its own park's meters").withStatus(403);
        }
    }

    record MeterRequest(@NotBlank @Size(max = 64) String meterId, @NotBlank @Size(max = 32) String park,
            @NotBlank String uscc, @NotNull QuantityKind kind, @NotBlank @Size(max = 16) String unit) {
    }
}
