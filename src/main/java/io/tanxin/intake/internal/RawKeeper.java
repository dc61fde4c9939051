package io.tanxin.intake.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a submission's raw bytes on a connection and thread of their own while the file is being
 * checked, and commits them whatever becomes of the import: a rejected or interrupted import still
 * keeps what was sent. The importer waits for them before it finishes the submission.
 */
@Component
public class RawKeeper implements org.springframework.beans.factory.DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RawKeeper.class);

    private final SubmissionStore submissions;
    private final TransactionTemplate newTx;
    private final ExecutorService threads;

    RawKeeper(SubmissionStore submissions, PlatformTransactionManager tm) {
        this.submissions = submissions;
        this.newTx = new TransactionTemplate(tm);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AtomicInteger n = new AtomicInteger();
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
        return new RawBytes(CompletableFuture.runAsync(() -> {
            try {
                newTx.executeWithoutResult(s -> {
                    if (!onlyIfMissing || !submissions.hasRaw(id)) {
                        submissions.keepRaw(id, raw);
                    }
                });
            } catch (DuplicateKeyException concurrentRetry) {
                // another attempt of the same submission stored the same bytes (its hash was checked)
            }
            log.debug("submission {}: {} raw bytes kept in {} ms", id, raw.length, (System.nanoTime() - started) / 1_000_000);
        }, threads));
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
