package io.tanxin.reporting.report;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.identity.Actors;
import io.tanxin.reporting.ReportPurpose;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The carbon credit report in JSON, HTML or PDF by the Accept header; every read is decided and logged first. */
@RestController
@Tag(name = "碳信用报告 / carbon credit report")
class CreditReportController {

    static final String PATH = "/api/v1/enterprises/{uscc}/credit-report";
    private static final String SUMMARY = "碳信用报告（JSON/HTML/PDF，按 Accept）：企业本身、监管员、征信机构分析师按角色可读；银行需企业对本机构"
            + "在有效期内、与 purpose 一致的授权；每次查询均被记录 / carbon credit report (JSON, HTML or PDF by Accept): "
            + "the enterprise itself, regulators and agency analysts by role; a bank only with the enterprise's valid "
            + "consent for the stated purpose; every read is logged";

    private final CreditReports reports;
    private final ReportRenderer renderer;

    CreditReportController(CreditReports reports, ReportRenderer renderer) {
        this.reports = reports;
        this.renderer = renderer;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = SUMMARY)
    void json(@PathVariable String uscc, @RequestParam(required = false) String purpose,
            HttpServletResponse response) throws IOException {
        CreditReports.Issued issued = issue(uscc, purpose);
        // straight from the buffer the body was hashed in, without copying the report into an array of its own
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(issued.json().length());
        issued.json().writeTo(response.getOutputStream());
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = SUMMARY)
    ResponseEntity<String> html(@PathVariable String uscc, @RequestParam(required = false) String purpose) {
        CreditReports.Issued issued = issue(uscc, purpose);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(renderer.html(issued.report()));
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = SUMMARY)
    ResponseEntity<byte[]> pdf(@PathVariable String uscc, @RequestParam(required = false) String purpose) {
        CreditReports.Issued issued = issue(uscc, purpose);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + issued.report().body().reportNumber() + ".pdf\"")
                .body(renderer.pdf(issued.report()));
    }

    private CreditReports.Issued issue(String uscc, String purpose) {
        ReportPurpose p = purpose == null || purpose.isBlank() ? ReportPurpose.LOAN_APPROVAL : ReportPurpose.parse(purpose);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return reports.issue(Actors.require(), uscc, p, base);
    }
}
