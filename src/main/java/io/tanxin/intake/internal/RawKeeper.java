package io.tanxin.intake.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Stores a submission's raw bytes on a connection and thread of their own while the file is being
 * checked, and commits them whatever becomes of the import: a rejected or interrupted import still
 * keeps what was sent. The importer waits for them before it finishes the submission.
 *
 * <p>The connection is taken from the pool by the caller, before its import opens a transaction, and
 * handed to the thread that stores the bytes: an import holds its connection until its bytes are
 * stored, so bytes that had to wait for a pooled connection of their own would wait for ever once as
 * many imports as the pool has connections were running (RawBytesKeptTest). This way the bytes
 * never wait, and an import that waits for a connection waits for bytes that will be stored.
 */
@Component
public class RawKeeper implements org.springframework.beans.factory.DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RawKeeper.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final ExecutorService threads;

    RawKeeper(DataSource dataSource) {
        this.dataSource = dataSource;
        AtomicInteger n = new AtomicInteger();
        // as many threads as connections handed over at once, which the pool bounds
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "raw-keeper-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts storing the bytes of a submission whose row was just committed. */
    public RawBytes keep(long submissionId, byte[] raw) {
        return start(submissionId, raw, false);
    }

    /** For a retry: stores the bytes unless the first attempt got that far. */
    public RawBytes keepIfMissing(long submissionId, byte[] raw) {
        return start(submissionId, raw, true);
    }

    private RawBytes start(long id, byte[] raw, boolean onlyIfMissing) {
        long started = System.nanoTime();
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            return new RawBytes(CompletableFuture.failedFuture(e));
        }
        return new RawBytes(CompletableFuture.runAsync(() -> {
            try (Connection c = connection) {
                store(c, id, raw, onlyIfMissing);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
            log.debug("submission {}: {} raw bytes kept in {} ms", id, raw.length, (System.nanoTime() - started) / 1_000_000);
        }, threads));
    }

    private static void store(Connection c, long id, byte[] raw, boolean onlyIfMissing) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (!onlyIfMissing || !stored(c, id)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO submission_raw (submission_id, content) VALUES (?, ?)")) {
                    ps.setLong(1, id);
                    ps.setBytes(2, raw);
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            // another attempt of the same submission stored the same bytes (their hash was checked)
            if (!(onlyIfMissing && UNIQUE_VIOLATION.equals(e.getSQLState()))) {
                throw e;
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static boolean stored(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM submission_raw WHERE submission_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void destroy() {
        threads.shutdown();
    }

    /** The raw bytes on their way into the database. */
    public static final class RawBytes {
        private final CompletableFuture<Void> stored;

        RawBytes(CompletableFuture<Void> stored) {
            this.stored = stored;
        }

        /** Returns once they are committed; throws if they could not be. */
        public void await() {
            try {
                stored.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the raw bytes were stored", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the raw bytes could not be stored", e.getCause());
            }
        }

        /** For paths that already fail: waits, and leaves a storage failure to the log. */
        public void awaitQuietly() {
            try {
                await();
            } catch (IllegalStateException | CompletionException e) {
                log.error("raw bytes not stored", e);
            }
        }
    }
}
