package io.tanxin.accounting.web;

import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.accounting.AccountingManagement;
import io.tanxin.accounting.CarbonAccount;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.Period;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "accounting", description = "碳核算 / carbon accounting")
class CarbonAccountController {

    static final String READERS = "hasAnyRole('REGULATOR','AGENCY_ANALYST','VERIFIER','PARK_ADMIN','ENTERPRISE')";

    private final AccountingManagement accounting;
    private final DirectoryManagement directory;

    CarbonAccountController(AccountingManagement accounting, DirectoryManagement directory) {
        this.accounting = accounting;
        this.directory = directory;
    }

    @GetMapping("/api/v1/enterprises/{uscc}/carbon-accounts/{period}")
    @PreAuthorize(READERS)
    @Operation(summary = "企业碳账户（期间 2025、2025-Q1 或 2025-03）/ carbon account for a year, quarter or month "
            + "(REGULATOR, AGENCY_ANALYST, VERIFIER; PARK_ADMIN for its park; ENTERPRISE for itself)")
    CarbonAccount account(@PathVariable String uscc, @PathVariable String period) {
        Enterprise enterprise = enterprise(uscc);
        return accounting.account(enterprise.uscc(), Period.parse(period));
    }

    @GetMapping("/api/v1/enterprises/{uscc}/carbon-accounts/{month}/runs")
    @PreAuthorize(READERS)
    @Operation(summary = "某月全部计算批次（新在前）/ every calculation run of a month, newest first (readers as above)")
    List<CarbonAccount.RunReference> runs(@PathVariable String uscc, @PathVariable String month) {
        Enterprise enterprise = enterprise(uscc);
        return accounting.runs(enterprise.uscc(), month(month));
    }

    @PostMapping("/api/v1/enterprises/{uscc}/carbon-accounts/{month}/recalculations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('AGENCY_ANALYST')")
    @Operation(summary = "重新计算某月（生成新批次，保留旧批次）/ recalculate a month as a new run, keeping the old (AGENCY_ANALYST)")
    CarbonAccount recalculate(@PathVariable String uscc, @PathVariable String month) {
        Enterprise enterprise = enterprise(uscc);
        YearMonth m = month(month);
        accounting.recalculate(enterprise.uscc(), m);
        return accounting.account(enterprise.uscc(), Period.month(m));
    }

    static YearMonth month(String text) {
        Period p = Period.parse(text);
        if (p.kind() != Period.Kind.MONTH) {
            throw new DomainException("INVALID_PERIOD", "此处需要月份，如 2025-03", "A month such as 2025-03 is required here")
                    .withStatus(400);
        }
        return p.firstMonth();
    }

    private Enterprise enterprise(String raw) {
        return EnterpriseAccess.resolve(directory, raw);
    }
}
