package io.tanxin.reporting.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.identity.Actors;
import io.tanxin.reporting.Objection;
import io.tanxin.reporting.ObjectionItemType;
import io.tanxin.reporting.ObjectionOutcome;
import io.tanxin.reporting.Objections;
import io.tanxin.reporting.Replayable;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "objections", description = "异议处理 / objections")
class ObjectionController {

    private final Objections objections;

    ObjectionController(Objections objections) {
        this.objections = objections;
    }

    record FileRequest(String itemType, String itemRef, String reason) {
    }

    record ResolutionRequest(String outcome, String answer) {
    }

    record AcknowledgementRequest(String note) {
    }

    /** The objection as filed, and whether this answer replays an earlier request with the same key. */
    record FileAnswer(@JsonUnwrapped Objection objection, boolean replayed) {
    }

    @PostMapping("/api/v1/enterprises/{uscc}/objections")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "企业提出异议（MONTH_FIGURE/FINDING/PENALTY/RATING），20 日内答复；支持 Idempotency-Key"
            + "（相同请求重试返回 200 与首次结果，同一 Key 用于不同请求返回 422 IDEMPOTENCY_KEY_REUSED）/ "
            + "file an objection (ENTERPRISE, own; a retry with the same Idempotency-Key and body answers 200 with "
            + "the first objection, replayed=true; the key reused for another request is 422 IDEMPOTENCY_KEY_REUSED)")
    ResponseEntity<FileAnswer> file(@PathVariable String uscc, @RequestBody FileRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Actors.requireEnterpriseAccess(uscc);
        ObjectionItemType itemType = parse(ObjectionItemType.class, request.itemType(), "INVALID_OBJECTION_ITEM",
                "异议对象类型", "item type");
        Replayable<Objection> filed = Replayable.racingForItsKey(() -> objections.fileOnce(uscc, itemType,
                request.itemRef(), request.reason(), Actors.require(), idempotencyKey));
        return ResponseEntity.status(filed.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new FileAnswer(filed.result(), filed.replayed()));
    }

    @GetMapping("/api/v1/enterprises/{uscc}/objections")
    @PreAuthorize("hasAnyRole('ENTERPRISE','REGULATOR','AGENCY_ANALYST')")
    @Operation(summary = "企业的异议及处理过程 / an enterprise's objections with their steps "
            + "(ENTERPRISE own, REGULATOR, AGENCY_ANALYST)")
    Page<Objection> forEnterprise(@PathVariable String uscc, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Actors.requireEnterpriseAccess(uscc);
        return objections.forEnterprise(uscc, status(status), page, size);
    }

    @GetMapping("/api/v1/objections")
    @PreAuthorize("hasAnyRole('AGENCY_ANALYST','REGULATOR')")
    @Operation(summary = "异议工作清单，overdue=true 只列超期未答复者 / objections to answer; overdue=true for those "
            + "past their due date (AGENCY_ANALYST, REGULATOR)")
    Page<Objection> find(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return objections.find(status(status), overdue, page, size);
    }

    @GetMapping("/api/v1/objections/{id}")
    @PreAuthorize("hasAnyRole('ENTERPRISE','AGENCY_ANALYST','REGULATOR')")
    @Operation(summary = "一条异议及其处理过程 / one objection with its steps (ENTERPRISE own, AGENCY_ANALYST, REGULATOR)")
    Objection one(@PathVariable long id) {
        return Actors.requireOwnRecord(() -> objections.objection(id), Objection::uscc);
    }

    @PostMapping("/api/v1/objections/{id}/acknowledgement")
    @PreAuthorize("hasRole('AGENCY_ANALYST')")
    @Operation(summary = "受理异议 / acknowledge an objection (AGENCY_ANALYST)")
    Objection acknowledge(@PathVariable long id, @RequestBody(required = false) AcknowledgementRequest request) {
        return objections.acknowledge(id, request == null ? null : request.note(), Actors.require());
    }

    @PostMapping("/api/v1/objections/{id}/resolution")
    @PreAuthorize("hasRole('AGENCY_ANALYST')")
    @Operation(summary = "答复异议：CORRECTED 更正（月度数据重新核算）、UPHELD 维持、UNVERIFIABLE 无法核实并加注 / "
            + "answer an objection (AGENCY_ANALYST)")
    Objection resolve(@PathVariable long id, @RequestBody ResolutionRequest request) {
        ObjectionOutcome outcome = parse(ObjectionOutcome.class, request.outcome(), "INVALID_OUTCOME", "处理结果",
                "outcome");
        return objections.resolve(id, outcome, request.answer(), Actors.require());
    }

    private static Objection.Status status(String text) {
        return text == null || text.isBlank() ? null
                : parse(Objection.Status.class, text, "INVALID_STATUS", "异议状态", "status");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String code, String nameZh, String nameEn) {
        if (text != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(text.strip())) {
                    return e;
                }
            }
        }
        String allowed = java.util.Arrays.toString(type.getEnumConstants());
        throw new DomainException(code, nameZh + "无效：" + text + "，应为 " + allowed,
                "Invalid " + nameEn + ": " + text + ", expected one of " + allowed).withStatus(400);
    }
}
