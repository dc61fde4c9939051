package io.tanxin.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.identity.Actors;
import io.tanxin.reporting.AccessRefusal;
import io.tanxin.reporting.AccessRefusals;
import io.tanxin.reporting.QueryLog;
import io.tanxin.reporting.QueryRecord;
import io.tanxin.shared.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "queries", description = "查询记录 / records of report queries")
class QueryController {

    private final QueryLog log;
    private final AccessRefusals refusals;

    QueryController(QueryLog log, AccessRefusals refusals) {
        this.log = log;
        this.refusals = refusals;
    }

    @GetMapping("/api/v1/enterprises/{uscc}/queries")
    @PreAuthorize("hasAnyRole('ENTERPRISE','REGULATOR','AGENCY_ANALYST')")
    @Operation(summary = "近两年的报告查询记录 / report queries of the last two years "
            + "(ENTERPRISE own, REGULATOR, AGENCY_ANALYST)")
    Page<QueryRecord> forEnterprise(@PathVariable String uscc, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Actors.requireEnterpriseAccess(uscc);
        return log.forEnterprise(uscc, page, size);
    }

    @GetMapping("/api/v1/institutions/me/queries")
    @PreAuthorize("hasAnyRole('BANK_OFFICER','BANK_ADMIN')")
    @Operation(summary = "本机构近两年的查询 / my institution's queries of the last two years (BANK_OFFICER, BANK_ADMIN)")
    Page<QueryRecord> forMyInstitution(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return log.forOrganisation(Actors.require().organisationCode(), page, size);
    }

    @GetMapping("/api/v1/report-access-refusals")
    @PreAuthorize("hasAnyRole('REGULATOR','AGENCY_ANALYST')")
    @Operation(summary = "被拒绝的报告查询（无授权、授权已撤销或过期等），可按所查统一社会信用代码筛选 / refused report reads "
            + "(no, revoked or expired consent, ...), optionally for one requested USCC (REGULATOR, AGENCY_ANALYST)")
    Page<AccessRefusal> refusals(@RequestParam(required = false) String uscc,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return refusals.find(uscc, page, size);
    }
}
