package io.tanxin.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.tanxin.accounting.AccountingManagement;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.identity.Actor;
import io.tanxin.intake.EnterpriseFacts;
import io.tanxin.intake.PenaltyRecords;
import io.tanxin.intake.verification.CrossVerification;
import io.tanxin.intake.verification.FindingStatus;
import io.tanxin.rating.RatingManagement;
import io.tanxin.reporting.internal.ObjectionEvidence;
import io.tanxin.reporting.internal.ObjectionStore;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.NotFoundException;
import io.tanxin.shared.Page;
import io.tanxin.shared.Period;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections (异议): filed by the enterprise, answered by the agency within 20 Shanghai days.
 * Every step is a row and an evidence leaf; the item counts as disputed from the moment of filing.
 */
@Service
public class Objections {

    static final int MAX_TEXT = 2000;
    static final int MAX_REF = 64;

    private final ObjectionStore store;
    private final ObjectionEvidence evidence;
    private final DirectoryManagement directory;
    private final AccountingManagement accounting;
    private final EnterpriseFacts facts;
    private final RatingManagement ratings;
    private final CrossVerification findings;
    private final PenaltyRecords penalties;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Objections(ObjectionStore store, ObjectionEvidence evidence, DirectoryManagement directory,
            AccountingManagement accounting, EnterpriseFacts facts, RatingManagement ratings,
            CrossVerification findings, PenaltyRecords penalties, ApplicationEventPublisher events) {
        this.store = store;
        this.evidence = evidence;
        this.directory = directory;
        this.accounting = accounting;
        this.facts = facts;
        this.ratings = ratings;
        this.findings = findings;
        this.penalties = penalties;
        this.events = events;
    }

    /** The enterprise user {@code by} files; the caller has checked it speaks for {@code uscc}. */
    @Transactional
    public Objection file(String uscc, ObjectionItemType type, String itemRef, String reason, Actor by) {
        return file(uscc, type, itemRef, reason, by, null);
    }

    /** As above; a retry with the same {@code idempotencyKey} and body returns the objection it filed first. */
    @Transactional
    public Objection file(String uscc, ObjectionItemType type, String itemRef, String reason, Actor by,
            String idempotencyKey) {
        return fileOnce(uscc, type, itemRef, reason, by, idempotencyKey).result();
    }

    /**
     * Files, or replays: the same user's earlier filing with the same {@code idempotencyKey} is
     * answered again if it objected to the same item of the same enterprise for the same reason
     * (compared as stored: reference and reason without surrounding blanks), and the key is refused
     * (IDEMPOTENCY_KEY_REUSED) if it asked for anything else. The request's form is checked first,
     * so a malformed one is refused for its own fault whatever its key; whether the item still
     * exists is not asked of an exact retry, which is answered as the filing was.
     */
    @Transactional
    public Replayable<Objection> fileOnce(String uscc, ObjectionItemType type, String itemRef, String reason,
            Actor by, String idempotencyKey) {
        String key = idempotencyKey == null ? null : Idempotency.check(idempotencyKey);
        directory.enterprise(uscc);
        String ref = normaliseRef(type, itemRef);
        String why = requireText(reason, "reason", "异议理由");
        java.util.Optional<ObjectionStore.Row> earlier = key == null ? java.util.Optional.empty()
                : store.byIdempotencyKey(by.username(), key).flatMap(store::byId);
        if (earlier.isPresent() && earlier.get().uscc().equals(uscc) && earlier.get().itemType() == type
                && earlier.get().itemRef().equals(ref) && earlier.get().reason().equals(why)) {
            return new Replayable<>(objection(earlier.get().id()), true);
        }
        if (type == ObjectionItemType.MONTH_FIGURE
                && YearMonth.parse(ref).isAfter(YearMonth.now(clock.withZone(ShanghaiDates.ZONE)))) {
            throw new DomainException("OBJECTION_MONTH_IN_FUTURE", "不能对尚未到来的月份提出异议：" + ref,
                    "There is no figure yet to object to for " + ref);
        }
        requireItem(uscc, type, ref);
        if (earlier.isPresent()) {
            throw Idempotency.reused("异议", "objection", earlier.get().id());
        }
        Instant now = Instant.now(clock);
        LocalDate due = ObjectionDeadline.dueDate(now);
        long id = store.insert(uscc, type, ref, why, now, by.username(), due, key);
        evidence.record(store.insertStep(id, Objection.Action.FILED, by.username(), now, null, why));
        events.publishEvent(new ObjectionFiled(id, uscc, type, ref, due));
        return new Replayable<>(objection(id), false);
    }

    /** The agency has taken the objection up; optional, an answer may come straight away. */
    @Transactional
    public Objection acknowledge(long id, String note, Actor by) {
        ObjectionStore.Row row = row(id);
        if (!store.acknowledge(id)) {
            throw new DomainException("OBJECTION_NOT_FILED", "只有新提交的异议可以受理（当前状态：" + row.status() + "）",
                    "Only a newly filed objection can be acknowledged (status " + row.status() + ")").withStatus(409);
        }
        evidence.record(store.insertStep(id, Objection.Action.ACKNOWLEDGED, by.username(), Instant.now(clock), null,
                note == null || note.isBlank() ? "已受理" : limit(note.strip(), "note")));
        return objection(id);
    }

    /**
     * Answers the objection. CORRECTED fixes the item in this transaction, so the answer and the fix
     * stand or fall together: a month figure is recalculated from its newest activity data (the
     * corrected data itself arrives through intake beforehand); a finding is resolved; a penalty
     * record is withdrawn; the enterprise is re-rated from the corrected data.
     */
    @Transactional
    public Objection resolve(long id, ObjectionOutcome outcome, String answer, Actor by) {
        if (outcome == null) {
            throw new DomainException("INVALID_OUTCOME", "处理结果应为 CORRECTED、UPHELD 或 UNVERIFIABLE",
                    "The outcome must be CORRECTED, UPHELD or UNVERIFIABLE").withStatus(400);
        }
        String text = requireText(answer, "answer", "书面答复");
        ObjectionStore.Row row = row(id);
        Instant now = Instant.now(clock);
        if (!store.resolve(id, outcome, text, now, by.username())) {
            throw new DomainException("OBJECTION_ALREADY_RESOLVED", "该异议已处理完毕", "This objection was already answered")
                    .withStatus(409);
        }
        Long runId = null;
        String note = text;
        if (outcome == ObjectionOutcome.CORRECTED) {
            switch (row.itemType()) {
                case MONTH_FIGURE -> {
                    // the new run's accounting events re-rate the enterprise after commit
                    runId = accounting.recalculate(row.uscc(), Period.parse(row.itemRef()).firstMonth()).runId();
                    note = text + "\n[recalculated run " + runId + "]";
                }
                case FINDING -> {
                    findings.annotate(Long.parseLong(row.itemRef()), by.username(),
                            citing("异议 #" + id + " 更正 / corrected on objection #" + id + ": ", text),
                            FindingStatus.RESOLVED);
                    note = text + "\n[finding " + row.itemRef() + " resolved; " + rerate(row.uscc()) + "]";
                }
                case PENALTY -> {
                    int withdrawn = penalties.withdraw(row.uscc(), row.itemRef(),
                            citing("异议 #" + id + " / objection #" + id + ": ", text), by.username(), now);
                    note = text + "\n[penalty " + row.itemRef() + " withdrawn (" + withdrawn + " record"
                            + (withdrawn == 1 ? "" : "s") + "); " + rerate(row.uscc()) + "]";
                }
                // the corrected data came in through intake beforehand; the rating is made again from it
                case RATING -> note = text + "\n[" + rerate(row.uscc()) + "]";
            }
        }
        evidence.record(store.insertStep(id, Objection.Action.RESOLVED, by.username(), now, outcome, note));
        events.publishEvent(new ObjectionResolved(id, row.uscc(), row.itemType(), row.itemRef(), outcome, runId));
        return objection(id);
    }

    /** The answer cited after a prefix, cut to the {@value #MAX_TEXT} characters a note may hold. */
    private static String citing(String prefix, String answer) {
        String note = prefix + answer;
        if (note.length() <= MAX_TEXT) {
            return note;
        }
        int end = Character.isHighSurrogate(note.charAt(MAX_TEXT - 2)) ? MAX_TEXT - 2 : MAX_TEXT - 1;
        return note.substring(0, end) + "…";
    }

    private String rerate(String uscc) {
        return "re-rated: " + ratings.rate(java.util.Set.of(uscc), "OBJECTION_CORRECTED").stored() + " new rating(s)";
    }

    public Objection objection(long id) {
        ObjectionStore.Row row = row(id);
        return toObjection(row, store.steps(List.of(id)).getOrDefault(id, List.of()));
    }

    /** The enterprise's objections, the soonest due first; {@code status} null for all. */
    public Page<Objection> forEnterprise(String uscc, Objection.Status status, int page, int size) {
        return find(new ObjectionStore.Filter(uscc, status, null), page, size);
    }

    /** The agency's work list; {@code overdueOnly} keeps the unanswered ones past their due date. */
    public Page<Objection> find(Objection.Status status, boolean overdueOnly, int page, int size) {
        return find(new ObjectionStore.Filter(null, status, overdueOnly ? ShanghaiDates.today(clock) : null), page,
                size);
    }

    /** Unanswered objections past their due date: what the analysts must be told about. */
    public List<Objection> overdue() {
        ObjectionStore.Filter f = new ObjectionStore.Filter(null, null, ShanghaiDates.today(clock));
        return find(f, 0, Page.MAX_SIZE).items();
    }

    /** The items a report marks: disputed while open, annotated for good once unverifiable. */
    public List<DisputedItem> disputedItems(String uscc) {
        return store.marking(uscc).stream().map(r -> new DisputedItem(r.itemType(), r.itemRef(), r.id(),
                mark(r.status()))).toList();
    }

    /**
     * The same items taken from all of one enterprise's objections, for a reader that lists those
     * anyway (a credit report): one query fewer for every report issued.
     */
    public static List<DisputedItem> disputedItems(List<Objection> all) {
        return all.stream()
                .filter(o -> o.status() != Objection.Status.RESOLVED || o.outcome() == ObjectionOutcome.UNVERIFIABLE)
                .sorted(java.util.Comparator.comparing(Objection::filedAt).thenComparingLong(Objection::id))
                .map(o -> new DisputedItem(o.itemType(), o.itemRef(), o.id(), mark(o.status())))
                .toList();
    }

    /** A marked objection still open disputes its item; resolved (as unverifiable) it annotates it. */
    private static DisputedItem.Mark mark(Objection.Status status) {
        return status == Objection.Status.RESOLVED ? DisputedItem.Mark.ANNOTATED_UNVERIFIABLE
                : DisputedItem.Mark.DISPUTED;
    }

    private Page<Objection> find(ObjectionStore.Filter filter, int page, int size) {
        Page.check(page, size);
        List<ObjectionStore.Row> rows = store.find(filter, page * size, size);
        Map<Long, List<Objection.Step>> steps = store.steps(rows.stream().map(ObjectionStore.Row::id).toList());
        List<Objection> items = rows.stream().map(r -> toObjection(r, steps.getOrDefault(r.id(), List.of()))).toList();
        return Page.of(items, page, size, () -> store.count(filter));
    }

    private ObjectionStore.Row row(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("OBJECTION_NOT_FOUND", "未找到该异议",
                "No such objection"));
    }

    private Objection toObjection(ObjectionStore.Row r, List<Objection.Step> steps) {
        return new Objection(r.id(), r.uscc(), r.itemType(), r.itemRef(), r.reason(), r.filedAt(), r.filedBy(),
                r.dueDate(), r.status(), r.outcome(), r.answer(), r.resolvedAt(), r.resolvedBy(),
                ObjectionDeadline.overdue(r.dueDate(), r.status() == Objection.Status.RESOLVED, clock), steps);
    }

    private static String normaliseRef(ObjectionItemType type, String itemRef) {
        if (type == null) {
            throw new DomainException("INVALID_OBJECTION_ITEM", "异议对象类型应为 MONTH_FIGURE、FINDING、PENALTY 或 RATING",
                    "The item type must be MONTH_FIGURE, FINDING, PENALTY or RATING").withStatus(400);
        }
        String ref = itemRef == null ? "" : itemRef.strip();
        boolean ok = switch (type) {
            case MONTH_FIGURE -> ref.matches("\\d{4}-(0[1-9]|1[0-2])");
            case FINDING -> ref.matches("\\d{1,18}");
            case PENALTY, RATING -> !ref.isEmpty() && ref.length() <= MAX_REF;
        };
        if (!ok) {
            throw new DomainException("INVALID_OBJECTION_ITEM",
                    "异议对象无效：" + type.nameZh() + " 应给出" + switch (type) {
                        case MONTH_FIGURE -> "月份（如 2025-04）";
                        case FINDING -> "核验发现编号";
                        case PENALTY -> "处罚决定书文号";
                        case RATING -> "评级编号或年度";
                    },
                    "Invalid item: " + type + " needs " + switch (type) {
                        case MONTH_FIGURE -> "a month (e.g. 2025-04)";
                        case FINDING -> "a finding id";
                        case PENALTY -> "a penalty document number";
                        case RATING -> "a rating id or year";
                    }).withStatus(400);
        }
        return ref;
    }

    /**
     * The item must be one of this enterprise's: a month with a calculation run, a finding about
     * it, a penalty of its by document number, a rating of its by id or year. An objection to
     * nothing would mark nothing in the report and still start the agency's 20-day clock.
     */
    private void requireItem(String uscc, ObjectionItemType type, String ref) {
        boolean exists = switch (type) {
            case MONTH_FIGURE -> !accounting.runs(uscc, YearMonth.parse(ref)).isEmpty();
            case FINDING -> facts.finding(uscc, Long.parseLong(ref)).isPresent();
            case PENALTY -> facts.penaltiesOf(uscc).stream().anyMatch(p -> ref.equals(p.documentNo()));
            case RATING -> ratings.history(uscc).stream()
                    .anyMatch(r -> ref.equals(Long.toString(r.id())) || ref.equals(Integer.toString(r.year())));
        };
        if (!exists) {
            throw new DomainException("OBJECTION_ITEM_NOT_FOUND",
                    "该企业没有这一" + type.nameZh() + "：" + ref + "，无法对其提出异议",
                    "This enterprise has no " + switch (type) {
                        case MONTH_FIGURE -> "carbon account figure for the month";
                        case FINDING -> "verification finding with the id";
                        case PENALTY -> "penalty with the document number";
                        case RATING -> "rating with the id or year";
                    } + " " + ref + " to object to").withStatus(422);
        }
    }

    private static String requireText(String text, String field, String fieldZh) {
        if (text == null || text.isBlank()) {
            throw new DomainException("TEXT_REQUIRED", fieldZh + "不能为空", field + " is required").withStatus(400);
        }
        return limit(text.strip(), field);
    }

    private static String limit(String text, String field) {
        if (text.length() > MAX_TEXT) {
            throw new DomainException("TEXT_TOO_LONG", "文字不能超过 " + MAX_TEXT + " 个字符",
                    field + " must be at most " + MAX_TEXT + " characters").withStatus(400);
        }
        return text;
    }
}
