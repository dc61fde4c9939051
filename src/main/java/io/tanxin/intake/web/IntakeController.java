package io.tanxin.intake.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.identity.Role;
import io.tanxin.intake.Channel;
import io.tanxin.intake.Dataset;
import io.tanxin.intake.IntakeManagement;
import io.tanxin.intake.SourceType;
import io.tanxin.intake.SubmissionDesk;
import io.tanxin.intake.SubmissionRequest;
import io.tanxin.intake.SubmissionResult;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Submissions by file upload, raw file body or JSON rows. An accepted submission answers 201 with
 * its record; a rejected one answers 422 with an RFC 9457 problem that lists every error and names
 * the submission (its raw bytes are kept); a retry with the same Idempotency-Key answers as the first.
 */
@RestController
@Tag(name = "intake", description = "数据采集 / data intake")
class IntakeController {

    static final String SUBMITTERS = "hasAnyRole('DATA_PROVIDER','ENTERPRISE','VERIFIER','AGENCY_ANALYST')";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SubmissionDesk desk;

    private final IntakeManagement intake;

    IntakeController(IntakeManagement intake, SubmissionDesk desk) {
        this.desk = desk;
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/intake/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(SUBMITTERS)
    @Operation(summary = "上传文件（CSV：UTF-8 或 GB18030；XLSX）/ upload a CSV (UTF-8 or GB18030) or XLSX file "
            + "(DATA_PROVIDER as its institution's source, ENTERPRISE as self-report for itself, VERIFIER, "
            + "AGENCY_ANALYST on behalf of a source)")
    ResponseEntity<?> upload(@RequestParam String dataset, @RequestParam(required = false) String source,
            @RequestPart("file") MultipartFile file,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, Locale locale) throws IOException {
        Channel channel = channelOf(file.getOriginalFilename(), file.getContentType());
        return answer(submit(dataset, source, channel, key, file.getOriginalFilename(), file.getContentType(),
                file.getBytes()), locale);
    }

    @PostMapping(path = "/api/v1/intake/submissions", consumes = {"text/csv", XLSX})
    @PreAuthorize(SUBMITTERS)
    @Operation(summary = "以请求体提交文件（text/csv 或 XLSX）/ submit a file as the request body (roles as for upload)")
    ResponseEntity<?> body(@RequestParam String dataset, @RequestParam(required = false) String source,
            @RequestParam(required = false) String fileName, @RequestBody byte[] content,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request,
            Locale locale) {
        String contentType = request.getContentType();
        Channel channel = contentType != null && contentType.startsWith("text/csv") ? Channel.CSV : Channel.XLSX;
        return answer(submit(dataset, source, channel, key, fileName, contentType, content), locale);
    }

    @PostMapping(path = "/api/v1/intake/{dataset}/rows", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(SUBMITTERS)
    @Operation(summary = "以 JSON 推送数据行 {\"rows\":[{列名:值}]}，列名同模板英文键 / push rows as JSON, keys as in "
            + "the template (roles as for upload)")
    ResponseEntity<?> rows(@PathVariable String dataset, @RequestParam(required = false) String source,
            @RequestBody byte[] content, @RequestHeader(name = "Idempotency-Key", required = false) String key,
            Locale locale) {
        return answer(submit(dataset, source, Channel.JSON, key, null, MediaType.APPLICATION_JSON_VALUE, content),
                locale);
    }

    @GetMapping("/api/v1/intake/submissions")
    @PreAuthorize("hasAnyRole('DATA_PROVIDER','ENTERPRISE','VERIFIER','AGENCY_ANALYST','REGULATOR')")
    @Operation(summary = "提交记录（提交方只看自己的）/ submissions, newest first (submitters see their own; "
            + "AGENCY_ANALYST and REGULATOR see all)")
    List<SubmissionResult> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        io.tanxin.shared.Page.check(page, size);
        Actor actor = Actors.require();
        return intake.submissions(seesAll(actor) ? null : actor.username(), page, size);
    }

    @GetMapping("/api/v1/intake/submissions/{id}")
    @PreAuthorize("hasAnyRole('DATA_PROVIDER','ENTERPRISE','VERIFIER','AGENCY_ANALYST','REGULATOR')")
    @Operation(summary = "一条提交记录及其全部错误 / one submission with every error (own, or all for analysts)")
    SubmissionResult get(@PathVariable long id) {
        return visible(intake.submission(id));
    }

    @GetMapping("/api/v1/intake/submissions/{id}/raw")
    @PreAuthorize("hasAnyRole('DATA_PROVIDER','ENTERPRISE','VERIFIER','AGENCY_ANALYST','REGULATOR')")
    @Operation(summary = "原始提交内容（逐字节）/ the raw bytes exactly as received (own, or all for analysts)")
    ResponseEntity<byte[]> raw(@PathVariable long id) {
        SubmissionResult s = visible(intake.submission(id));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=submission-" + id)
                .header("Digest", "sha-256=" + s.sha256()).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(intake.raw(id));
    }

    private SubmissionResult visible(SubmissionResult s) {
        Actor actor = Actors.require();
        if (!seesAll(actor) && !actor.username().equals(s.submittedBy())) {
            throw new DomainException("SUBMISSION_NOT_FOUND", "未找到提交记录 #" + s.id(), "No submission #" + s.id())
                    .withStatus(404);
        }
        return s;
    }

    private static boolean seesAll(Actor actor) {
        return actor.has(Role.AGENCY_ANALYST) || actor.has(Role.REGULATOR);
    }

    private SubmissionResult submit(String datasetName, String sourceName, Channel channel, String key,
            String fileName, String contentType, byte[] content) {
        return desk.submit(Actors.require(), datasetName, sourceName, channel, key, fileName, contentType, content);
    }

    private static ResponseEntity<?> answer(SubmissionResult result, Locale locale) {
        if ("REJECTED".equals(result.status())) {
            SubmissionResult.RowError first = result.errors().isEmpty() ? null : result.errors().get(0);
            boolean fileLevel = first != null && first.row() == 0;
            ProblemDetail problem = Problems.of(fileLevel && "FILE_TOO_LARGE".equals(first.code()) ? 413 : 422,
                    fileLevel ? first.code() : "IMPORT_REJECTED",
                    fileLevel ? first.messageZh() : "提交被整体拒收：共 " + result.errorCount() + " 处错误，未写入任何数据",
                    fileLevel ? first.messageEn() : "The submission was rejected whole: " + result.errorCount()
                            + " errors, nothing was stored", locale);
            problem.setProperty("submissionId", result.id());
            problem.setProperty("errorCount", result.errorCount());
            problem.setProperty("errors", result.errors());
            problem.setProperty("replayed", result.replayed());
            return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.status(result.replayed() ? 200 : 201).body(result);
    }

    static Channel channelOf(String fileName, String contentType) {
        return SubmissionDesk.channelOf(fileName, contentType);
    }


}
