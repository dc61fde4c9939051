package io.tanxin.accounting.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.accounting.AccountingManagement;
import io.tanxin.accounting.ActivityLine;
import io.tanxin.accounting.Calculation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The public carbon calculator: computes with the published factors and stores nothing. */
@RestController
@Tag(name = "accounting", description = "碳核算 / carbon accounting")
class CalculatorController {

    private final AccountingManagement accounting;

    CalculatorController(AccountingManagement accounting) {
        this.accounting = accounting;
    }

    @PostMapping("/api/v1/accounting/calculations")
    @Operation(summary = "碳排放计算器（不存储任何数据）/ calculator, stores nothing (anonymous callers allowed)")
    Calculation calculate(@Valid @RequestBody CalculationRequest request) {
        return accounting.calculate(request.industryCode(), request.regionCode(), request.year(),
                request.activities().stream().map(ActivityRequest::line).toList());
    }

    record CalculationRequest(@NotBlank String industryCode, @NotBlank String regionCode,
            @NotNull @Min(1990) @Max(2100) Integer year,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull ActivityRequest> activities) {
    }

    record ActivityRequest(@NotBlank String kind, @Size(max = 64) String code, @NotNull BigDecimal quantity,
            @NotBlank String unit, Map<String, BigDecimal> parameters) {

        ActivityLine line() {
            return new ActivityLine(kind, code, quantity, unit, parameters);
        }
    }
}
