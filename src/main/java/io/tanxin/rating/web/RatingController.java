package io.tanxin.rating.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.identity.Actors;
import io.tanxin.rating.Rating;
import io.tanxin.rating.RatingManagement;
import io.tanxin.rating.RatingOverride;
import io.tanxin.rating.RatingReview;
import io.tanxin.rating.Recalculation;
import io.tanxin.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "rating", description = "碳信用评级 / carbon credit rating")
class RatingController {

    static final String READERS = "hasAnyRole('REGULATOR','AGENCY_ANALYST','VERIFIER','ENTERPRISE')";

    private final RatingManagement ratings;
    private final DirectoryManagement directory;

    RatingController(RatingManagement ratings, DirectoryManagement directory) {
        this.ratings = ratings;
        this.directory = directory;
    }

    @GetMapping("/api/v1/enterprises/{uscc}/ratings")
    @PreAuthorize(READERS)
    @Operation(summary = "企业评级历史（新在前，含滚动12个月评级）/ an enterprise's rating history, newest first, with the "
            + "rolling 12-month ratings (REGULATOR, AGENCY_ANALYST, VERIFIER; ENTERPRISE for itself; not banks)")
    List<Rating> history(@PathVariable String uscc) {
        return ratings.history(enterprise(uscc));
    }

    @GetMapping("/api/v1/enterprises/{uscc}/ratings/current")
    @PreAuthorize(READERS)
    @Operation(summary = "企业当前评级（默认最新年度）/ an enterprise's current rating for a year, the newest by default "
            + "(REGULATOR, AGENCY_ANALYST, VERIFIER; ENTERPRISE for itself; not banks)")
    Rating current(@PathVariable String uscc, @RequestParam(required = false) Integer year) {
        return ratings.current(enterprise(uscc), year);
    }

    @GetMapping("/api/v1/enterprises/{uscc}/ratings/rolling")
    @PreAuthorize(READERS)
    @Operation(summary = "企业滚动12个月评级 / an enterprise's rating over the last twelve months with an account "
            + "(REGULATOR, AGENCY_ANALYST, VERIFIER; ENTERPRISE for itself; not banks)")
    Rating rolling(@PathVariable String uscc) {
        return ratings.currentRolling(enterprise(uscc)).orElseThrow(() -> new NotFoundException("RATING_NOT_FOUND",
                "没有该企业的滚动评级", "No rolling rating for this enterprise"));
    }

    record ProposalRequest(String kind, String label, String reason) {
    }

    record DecisionRequest(Boolean approve, String reason) {
    }

    @PostMapping("/api/v1/ratings/{id}/overrides")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('AGENCY_ANALYST','VERIFIER')")
    @Operation(summary = "提出评级调整（分析师，kind=OVERRIDE，新标签与书面理由）或联签（核查员，kind=CO_SIGN）；须另一名分析师审批 / "
            + "propose an override (AGENCY_ANALYST: kind OVERRIDE, new label, written reason) or co-sign (VERIFIER: "
            + "kind CO_SIGN); a different AGENCY_ANALYST approves")
    RatingOverride propose(@PathVariable long id, @RequestBody ProposalRequest request) {
        return ratings.propose(id, request.kind(), request.label(), request.reason());
    }

    @PostMapping("/api/v1/ratings/overrides/{id}/approval")
    @PreAuthorize("hasRole('AGENCY_ANALYST')")
    @Operation(summary = "审批评级调整或联签（另一名分析师；approve=true 批准，false 驳回）/ approve or reject an override "
            + "or co-signature (AGENCY_ANALYST other than the proposer)")
    RatingOverride decide(@PathVariable long id, @RequestBody DecisionRequest request) {
        if (request.approve() == null) {
            throw new io.tanxin.shared.DomainException("APPROVE_REQUIRED", "请给出 approve=true 或 false",
                    "Give approve=true or false").withStatus(400);
        }
        return ratings.decide(id, request.approve(), request.reason());
    }

    @GetMapping("/api/v1/ratings/overrides")
    @PreAuthorize("hasAnyRole('AGENCY_ANALYST','VERIFIER','REGULATOR')")
    @Operation(summary = "评级调整与联签申请（status=PENDING/APPROVED/REJECTED）/ override and co-sign proposals "
            + "(AGENCY_ANALYST, VERIFIER, REGULATOR)")
    List<RatingOverride> overrides(@RequestParam(required = false) String status) {
        return ratings.overrides(status);
    }

    @PostMapping("/api/v1/ratings/recalculations")
    @PreAuthorize("hasRole('AGENCY_ANALYST')")
    @Operation(summary = "全省重新评级（指定年度，或不指定则全部年度与滚动评级）/ re-rate the whole province for a year, or "
            + "every year and the rolling ratings (AGENCY_ANALYST)")
    Recalculation recalculate(@RequestParam(required = false) Integer year) {
        return year == null ? ratings.rateEverything() : ratings.rateAll(year);
    }

    @GetMapping("/api/v1/ratings/review")
    @PreAuthorize("hasAnyRole('REGULATOR','AGENCY_ANALYST')")
    @Operation(summary = "评级复盘：按行业、城市的标签分布与主要扣分原因 / rating review: label distribution by industry and "
            + "city, and the top reasons (REGULATOR, AGENCY_ANALYST)")
    RatingReview review(@RequestParam int year) {
        return ratings.review(year);
    }

    private String enterprise(String uscc) {
        Actors.requireEnterpriseAccess(uscc);
        return directory.enterprise(uscc).uscc();
    }
}
