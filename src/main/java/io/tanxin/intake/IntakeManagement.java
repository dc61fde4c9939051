package io.tanxin.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.tanxin.accounting.AccountingManagement;
import io.tanxin.accounting.ActivityDataSubmitted;
import io.tanxin.accounting.MonthlyActivities;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.intake.importing.CsvTableReader;
import io.tanxin.intake.importing.DatasetImport;
import io.tanxin.intake.importing.DatasetImports;
import io.tanxin.intake.importing.FieldError;
import io.tanxin.intake.importing.ImportLimits;
import io.tanxin.intake.importing.ImportRejected;
import io.tanxin.intake.importing.ImportSession;
import io.tanxin.intake.importing.RowContext;
import io.tanxin.intake.importing.RowSink;
import io.tanxin.intake.importing.RowsTableReader;
import io.tanxin.intake.importing.TableReader;
import io.tanxin.intake.importing.XlsxTableReader;
import io.tanxin.shared.Database;
import io.tanxin.intake.internal.MonthComposer;
import io.tanxin.intake.internal.RawKeeper;
import io.tanxin.intake.internal.RawKeeper.RawBytes;
import io.tanxin.intake.internal.SubmissionEvidence;
import io.tanxin.intake.internal.SubmissionStore;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives submissions. Every submission's raw bytes are committed first, on their own; the
 * rows are then checked and written in one transaction that either commits whole (ACCEPTED) or
 * not at all (REJECTED, with every error listed). A process that dies in between leaves a
 * RECEIVED submission with its raw bytes, and a retry with the same Idempotency-Key finishes it.
 */
@Service
public class IntakeManagement {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntakeManagement.class);
    private static final ThreadLocal<Bulk> BULK = new ThreadLocal<>();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int RAW_KEPT_WHEN_TOO_LARGE = 1024 * 1024;

    private final SubmissionStore submissions;
    private final io.tanxin.intake.internal.DataSources dataSources;
    private final DirectoryManagement directory;
    private final AccountingManagement accounting;
    private final MonthComposer composer;
    private final SubmissionEvidence evidence;
    private final io.tanxin.intake.verification.CrossVerification verification;
    private final ApplicationEventPublisher events;
    private final DataSource dataSource;
    private final TransactionTemplate newTx;
    private final JsonMapper json;
    private final RawKeeper rawKeeper;
    private final Database database;
    private final java.util.concurrent.Semaphore importing = new java.util.concurrent.Semaphore(2, true);
    private volatile ImportLimits limits = ImportLimits.DEFAULT;

    IntakeManagement(SubmissionStore submissions, io.tanxin.intake.internal.DataSources dataSources,
            DirectoryManagement directory, AccountingManagement accounting,
            MonthComposer composer, SubmissionEvidence evidence,
            @org.springframework.context.annotation.Lazy io.tanxin.intake.verification.CrossVerification verification, ApplicationEventPublisher events,
            DataSource dataSource, PlatformTransactionManager tm, JsonMapper json, RawKeeper rawKeeper,
            Database database) {
        this.submissions = submissions;
        this.database = database;
        this.rawKeeper = rawKeeper;
        this.dataSources = dataSources;
        this.directory = directory;
        this.accounting = accounting;
        this.composer = composer;
        this.evidence = evidence;
        this.verification = verification;
        this.events = events;
        this.dataSource = dataSource;
        this.newTx = new TransactionTemplate(tm);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    public ImportLimits limits() {
        return limits;
    }

    /** For operators and benchmarks that import files larger than the interactive default. */
    public void setLimits(ImportLimits limits) {
        this.limits = limits;
    }

    /**
     * Imports at most two submissions at once; the others wait their turn. An import needs up to three
     * pooled connections at a time (its transaction, its raw bytes', and the recalculation that starts
     * after its commit while the first is still bound), so unbounded concurrent imports exhausted the
     * pool and waited on each other until its timeout (RawBytesKeptTest). Two keep both cores busy
     * (the import benchmark: checking and PostgreSQL each take most of one).
     */
    public SubmissionResult submit(SubmissionRequest request) {
        try {
            importing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException("IMPORT_INTERRUPTED", "导入在排队时被中断，请使用相同的 Idempotency-Key 重试",
                    "The import was interrupted while queued; retry with the same Idempotency-Key").withStatus(503);
        }
        try {
            return submitNow(request);
        } finally {
            importing.release();
        }
    }

    private SubmissionResult submitNow(SubmissionRequest request) {
        String sha256 = sha256(request.raw());
        boolean tooLarge = request.raw().length > limits.maxBytes();
        byte[] kept = tooLarge ? Arrays.copyOf(request.raw(), RAW_KEPT_WHEN_TOO_LARGE) : request.raw();
        if (request.idempotencyKey() != null) {
            Optional<SubmissionResult> earlier = submissions.byKey(request.submittedBy(), request.idempotencyKey());
            if (earlier.isPresent()) {
                SubmissionResult first = earlier.get();
                // the same bytes as another dataset or source are another submission, not its retry
                if (!first.sha256().equals(sha256) || !first.dataset().equals(request.dataset().name())
                        || first.source() != request.source()) {
                    throw new DomainException("IDEMPOTENCY_KEY_REUSED",
                            "该 Idempotency-Key 已用于内容不同的提交（#" + first.id() + "）",
                            "This Idempotency-Key was used for a different submission (#" + first.id() + ")");
                }
                if (!"RECEIVED".equals(first.status())) {
                    return replay(first);
                }
                // the first attempt may have died before its raw bytes were committed
                RawBytes raw = rawKeeper.keepIfMissing(first.id(), kept);
                return tooLarge ? tooLarge(first.id(), request, raw) : process(first.id(), request, raw);
            }
        }
        long id;
        try {
            id = newTx.execute(s -> submissions.insertReceived(new SubmissionStore.NewSubmission(request.source(),
                    request.channel(), request.dataset().name(), request.submittedBy(), OffsetDateTime.now(SHANGHAI),
                    request.idempotencyKey(), request.fileName(), request.contentType(), request.raw().length, sha256,
                    tooLarge)));
        } catch (org.springframework.dao.DuplicateKeyException race) {
            // a concurrent request with the same key won the insert; answer as its retry
            return submitNow(request);
        }
        // the raw bytes are stored beside the import, not before it: on two cores the database
        // compressing 50 MB and the importer checking rows take turns on the processors
        RawBytes raw = rawKeeper.keep(id, kept);
        return tooLarge ? tooLarge(id, request, raw) : process(id, request, raw);
    }

    private SubmissionResult tooLarge(long id, SubmissionRequest request, RawBytes raw) {
        return reject(id, 0, List.of(), 1, new ImportRejected("FILE_TOO_LARGE",
                "文件大小 " + request.raw().length + " 字节超过上限 " + limits.maxBytes() + " 字节（原始内容已保留前 1 MiB）",
                "File of " + request.raw().length + " bytes exceeds the limit of " + limits.maxBytes()
                        + " bytes (the first MiB of the raw bytes is kept)"), raw);
    }

    private SubmissionResult process(long id, SubmissionRequest request, RawBytes raw) {
        DatasetImport dataset = DatasetImports.of(request.dataset());
        // kind, code, unit nested rather than one "kind|code|unit" key: no string built per row of a million-row file
        Map<String, Map<String, Map<String, Optional<FieldError>>>> checked = new java.util.HashMap<>();
        Map<String, Set<String>> parameterNames = new java.util.HashMap<>();
        RowContext context = new RowContext(request.source(), directory.allUscc(), request.onlyUscc(),
                YearMonth.now(SHANGHAI), new RowContext.ActivityLineCheck() {
                    @Override
                    public FieldError check(String kind, String code, String unit) {
                        return checked.computeIfAbsent(kind, k -> new java.util.HashMap<>())
                                .computeIfAbsent(code, c -> new java.util.HashMap<>())
                                .computeIfAbsent(unit, u -> accounting.checkLine(kind, code, unit)
                                        .map(p -> new FieldError(p.field(), p.code(), p.messageZh(), p.messageEn())))
                                .orElse(null);
                    }

                    @Override
                    public Set<String> parameterNames(String kind) {
                        return parameterNames.computeIfAbsent(kind, k -> accounting.parameterNames(k).orElse(null));
                    }
                });
        ImportSession session = new ImportSession(dataset, context, limits);
        Set<MonthComposer.Key> months = new LinkedHashSet<>();
        ImportRejected[] rejected = new ImportRejected[1];
        SubmissionResult accepted;
        try {
            accepted = importRows(id, request, dataset, session, months, rejected, raw);
        } catch (DomainException e) {
            raw.awaitQuietly();
            throw e;
        } catch (RuntimeException e) {
            raw.awaitQuietly(); // the answer promises the raw bytes are kept
            log.error("import of submission {} interrupted; its raw bytes are kept and a retry resumes it", id, e);
            throw new DomainException("IMPORT_INTERRUPTED", "导入中断（提交 #" + id + " 的原始内容已保存），请使用相同的 Idempotency-Key 重试",
                    "The import was interrupted (submission #" + id + " is kept); retry with the same Idempotency-Key")
                    .withStatus(503);
        }
        if (accepted != null) {
            return accepted;
        }
        return reject(id, session.rows(), session.errors(), session.errorCount(), rejected[0], raw);
    }

    private SubmissionResult importRows(long id, SubmissionRequest request, DatasetImport dataset,
            ImportSession session, Set<MonthComposer.Key> months, ImportRejected[] rejected, RawBytes raw) {
        return newTx.execute(status -> {
            Optional<String> current = submissions.lockStatus(id);
            if (current.isEmpty() || !"RECEIVED".equals(current.get())) {
                return submissions.byId(id).orElseThrow();
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            List<String> columns = new ArrayList<>();
            columns.add("submission_id");
            columns.addAll(dataset.tableColumns());
            ActivityMonths directory = request.dataset() == Dataset.ACTIVITY ? new ActivityMonths() : null;
            if (directory != null) {
                columns.add("row_no");
            }
            int extra = directory != null ? 2 : 1;
            long t0 = System.nanoTime();
            try (TableReader reader = reader(request, dataset);
                    RowSink sink = RowSink.open(connection, dataset.table(), columns, true)) {
                session.run(reader, row -> {
                    Object[] withId = new Object[row.length + extra];
                    withId[0] = id;
                    System.arraycopy(row, 0, withId, 1, row.length);
                    if (directory != null) {
                        // rows reach the sink only while the file is free of errors, so this counts its data rows
                        withId[row.length + 1] = directory.note((String) row[1], (String) row[2]);
                    }
                    sink.add(withId);
                }, new java.util.function.Consumer<>() {
                    // rows come grouped by enterprise and month: note a key only when it changes
                    private Object lastUscc;
                    private Object lastMonth;

                    @Override
                    public void accept(Map<String, Object> values) {
                        Object month = values.get("month");
                        Object uscc = values.get("uscc");
                        if (month instanceof YearMonth m && (month != lastMonth || uscc != lastUscc)) {
                            months.add(new MonthComposer.Key((String) uscc, m));
                            lastMonth = month;
                            lastUscc = uscc;
                        }
                    }
                });
                if (!session.ok()) {
                    status.setRollbackOnly();
                    return null;
                }
                sink.finish();
                long copied = System.nanoTime();
                if (directory != null) {
                    directory.write(connection, id, request.source());
                }
                log.debug("submission {}: {} rows read, checked and copied in {} ms, month directory in {} ms", id,
                        session.rows(), (copied - t0) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
            } catch (ImportRejected e) {
                status.setRollbackOnly();
                rejected[0] = e;
                return null;
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("import of submission " + id + " failed", e);
            }
            long finishing = System.nanoTime();
            raw.await(); // the evidence leaf hashes the stored raw bytes, and nothing is accepted without them
            submissions.finish(id, "ACCEPTED", session.rows(), List.of(), 0);
            evidence.record(id);
            log.debug("submission {} accepted; status and evidence in {} ms", id, (System.nanoTime() - finishing) / 1_000_000);
            events.publishEvent(new SubmissionAccepted(id, request.dataset(), request.source(), List.copyOf(
                    months.stream().map(k -> k.uscc() + "@" + k.month()).toList())));
            return submissions.byId(id).orElseThrow();
        });
    }

    private SubmissionResult reject(long id, int rows, List<SubmissionResult.RowError> errors, int errorCount,
            ImportRejected fileError, RawBytes raw) {
        raw.await();
        List<SubmissionResult.RowError> all = fileError == null ? errors
                : List.of(new SubmissionResult.RowError(0, null, null, fileError.code(), fileError.messageZh(),
                        fileError.messageEn()));
        int count = fileError == null ? errorCount : 1;
        return newTx.execute(s -> {
            submissions.finish(id, "REJECTED", rows, all, count);
            evidence.record(id);
            return submissions.byId(id).orElseThrow();
        });
    }

    private TableReader reader(SubmissionRequest request, DatasetImport dataset) {
        return switch (request.channel()) {
            case CSV -> new CsvTableReader(request.raw());
            case XLSX -> new XlsxTableReader(request.raw());
            case JSON, MQTT -> new RowsTableReader(dataset.columns(), jsonRows(request.raw()));
        };
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> jsonRows(byte[] raw) {
        try {
            Map<String, Object> body = json.readValue(raw, Map.class);
            Object rows = body.get("rows");
            if (!(rows instanceof List<?> list)) {
                throw new ImportRejected("MALFORMED_BODY", "JSON 应为 {\"rows\":[...]}", "JSON must be {\"rows\":[...]}");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map)) {
                    throw new ImportRejected("MALFORMED_BODY", "rows 的第 " + (i + 1) + " 项不是对象",
                            "Element " + (i + 1) + " of rows is not an object");
                }
            }
            return (List<Map<String, Object>>) list;
        } catch (ImportRejected e) {
            throw e;
        } catch (RuntimeException e) {
            // a value the request guards refuse while the rows are parsed, e.g. a NUL
            DomainException.within(e).ifPresent(refused -> {
                throw new ImportRejected(refused.code(), refused.messageZh(), refused.messageEn());
            });
            throw new ImportRejected("MALFORMED_BODY", "请求体不是有效的 JSON", "The body is not valid JSON");
        }
    }

    public SubmissionResult submission(long id) {
        return submissions.byId(id).orElseThrow(() -> new NotFoundException("SUBMISSION_NOT_FOUND",
                "未找到提交记录 #" + id, "No submission #" + id));
    }

    public List<SubmissionResult> submissions(String submittedBy, int page, int size) {
        return submissions.list(submittedBy, page, size);
    }

    public byte[] raw(long id) {
        submission(id);
        return submissions.raw(id).orElseThrow(() -> new NotFoundException("RAW_NOT_YET_STORED",
                "提交 #" + id + " 的原始内容仍在保存中，请稍后再试", "The raw bytes of submission #" + id
                        + " are still being stored; try again shortly"));
    }

    /**
     * Runs a bulk load (many submissions) with cross-verification held back, then verifies every
     * enterprise it touched once instead of after each submission.
     */
    public void inBulk(Runnable submissions) {
        verification.deferWhile(() -> {
            Bulk bulk = new Bulk();
            BULK.set(bulk);
            try {
                submissions.run();
            } finally {
                BULK.remove();
            }
            flush(bulk);
        });
    }

    /**
     * Inside {@link #inBulk}: hands the months accepted so far to accounting now, for a next step that
     * needs their accounts (e.g. ETS figures checked against computed emissions).
     */
    public void flushBulk() {
        Bulk bulk = BULK.get();
        if (bulk != null) {
            flush(bulk);
        }
    }

    private void flush(Bulk bulk) {
        if (bulk.months.isEmpty()) {
            return;
        }
        newTx.executeWithoutResult(s -> events.publishEvent(new ActivityDataSubmitted(bulk.lastSubmission,
                composer.compose(bulk.months))));
        bulk.months.clear();
    }

    /**
     * The enterprise-months of an activity file with the first and last data row of each
     * (intake_activity_month): how readers find an enterprise's rows without a per-row index.
     */
    private static final class ActivityMonths {
        private final Map<MonthComposer.Key, int[]> ranges = new java.util.LinkedHashMap<>();
        private final Map<String, YearMonth> periods = new java.util.HashMap<>();
        private String lastUscc;
        private String lastPeriod;
        private int[] last;
        private int rows;

        /** Notes the next data row; returns its number. */
        int note(String uscc, String period) {
            int row = ++rows;
            // files come grouped by enterprise and month: most rows extend the previous row's range
            if (last == null || !uscc.equals(lastUscc) || !period.equals(lastPeriod)) {
                last = ranges.computeIfAbsent(new MonthComposer.Key(uscc,
                        periods.computeIfAbsent(period, YearMonth::parse)), k -> new int[] {row, row});
                lastUscc = uscc;
                lastPeriod = period;
            }
            last[1] = row;
            return row;
        }

        void write(Connection connection, long submissionId, SourceType source) throws SQLException {
            try (RowSink sink = RowSink.open(connection, "intake_activity_month", List.of("submission_id",
                    "source_type", "uscc", "period", "first_row", "last_row"), true)) {
                for (Map.Entry<MonthComposer.Key, int[]> e : ranges.entrySet()) {
                    sink.add(new Object[] {submissionId, source.name(), e.getKey().uscc(), e.getKey().month().toString(),
                            e.getValue()[0], e.getValue()[1]});
                }
                sink.finish();
            }
        }
    }

    /** Months accepted during a bulk load, composed once at its end rather than after every file. */
    private static final class Bulk {
        final Set<MonthComposer.Key> months = new LinkedHashSet<>();
        long lastSubmission;
    }

    /**
     * Once a submission's rows are committed, the months it touched are composed from every source
     * and handed to accounting (in a transaction of their own, so a slow recalculation never holds
     * the import open); during a bulk load they wait for the end of it.
     */
    @org.springframework.transaction.event.TransactionalEventListener
    public void on(SubmissionAccepted accepted) {
        if (accepted.dataset() == Dataset.ACTIVITY) {
            summariseActivityIndex();
        }
        Set<MonthComposer.Key> months = new LinkedHashSet<>();
        for (String m : accepted.enterpriseMonths()) {
            int at = m.indexOf('@');
            months.add(new MonthComposer.Key(m.substring(0, at), YearMonth.parse(m.substring(at + 1))));
        }
        if (months.isEmpty()) {
            return;
        }
        Bulk bulk = BULK.get();
        if (bulk != null) {
            bulk.months.addAll(months);
            bulk.lastSubmission = accepted.submissionId();
            return;
        }
        newTx.executeWithoutResult(s -> events.publishEvent(new ActivityDataSubmitted(accepted.submissionId(),
                composer.compose(months))));
    }

    /**
     * On PostgreSQL, intake_activity's BRIN index (V31_2) learns the block ranges an import appended
     * now rather than at the next autovacuum: until then every lookup would read those ranges.
     */
    private void summariseActivityIndex() {
        if (database.postgres()) {
            newTx.executeWithoutResult(s -> new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                    .queryForObject("SELECT brin_summarize_new_values('intake_activity_row_brin')", Integer.class));
        }
    }

    /** Registers an institution as a data source, so its DATA_PROVIDER users submit as that source. */
    public void registerSource(String institutionCode, SourceType type) {
        dataSources.register(institutionCode, type);
    }

    public Optional<SourceType> sourceOf(String institutionCode) {
        return dataSources.sourceOf(institutionCode);
    }

    /** Monthly telemetry totals from a park platform, as a JSON submission of the MQTT channel. */
    public SubmissionResult submitTelemetry(List<ActivityRow> rows, String submittedBy, String idempotencyKey) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ActivityRow r : rows) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("uscc", r.uscc());
            m.put("month", r.month().toString());
            m.put("kind", r.kind());
            m.put("code", r.code());
            m.put("quantity", r.quantity());
            m.put("unit", r.unit());
            list.add(m);
        }
        byte[] raw = json.writeValueAsString(Map.of("rows", list)).getBytes(StandardCharsets.UTF_8);
        return submit(new SubmissionRequest(Dataset.ACTIVITY, SourceType.PARK_PLATFORM, Channel.MQTT, submittedBy, null,
                idempotencyKey, null, "application/json", raw));
    }

    private static SubmissionResult replay(SubmissionResult r) {
        return new SubmissionResult(r.id(), r.status(), r.source(), r.channel(), r.dataset(), r.submittedBy(),
                r.receivedAt(), r.idempotencyKey(), r.sha256(), r.sizeBytes(), r.rowCount(), r.errorCount(), r.errors(),
                r.evidenceEntryId(), true);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
