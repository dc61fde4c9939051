package io.tanxin.accounting.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.accounting.factors.FactorRow;
import io.tanxin.accounting.factors.FactorSetInfo;
import io.tanxin.accounting.factors.FactorSets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "reference", description = "排放因子集 / emission factor sets")
class FactorSetController {

    private final FactorSets factorSets;

    FactorSetController(FactorSets factorSets) {
        this.factorSets = factorSets;
    }

    @GetMapping("/api/v1/reference/factor-sets")
    @Operation(summary = "排放因子集及版本 / factor sets and their versions (public)")
    List<FactorSetInfo> list() {
        return factorSets.list();
    }

    @GetMapping("/api/v1/reference/factor-sets/{code}/{version}/factors")
    @Operation(summary = "某版本的全部因子（含来源与状态）/ the factors of a version with source and status (public)")
    List<FactorRow> factors(@PathVariable String code, @PathVariable int version,
            @RequestParam(required = false) String category) {
        return factorSets.rows(code, version).stream()
                .filter(r -> category == null || r.category().equalsIgnoreCase(category)).toList();
    }
}
