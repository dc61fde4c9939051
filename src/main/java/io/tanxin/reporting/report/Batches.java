package io.tanxin.reporting.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs calls in batches on threads of its own (group commit): a caller queues its input and
 * waits; a worker takes everything queued, up to {@code maxBatch}, and hands it to the batch
 * function at once, which answers each call. Under load the batches fill by themselves, from the
 * calls that queue while one runs; a call alone runs at once, as a batch of one.
 *
 * <p>Written here rather than taken from a library: the micro-batchers at hand (Reactor's
 * {@code bufferTimeout}, Akka's) are asynchronous, and would bring a reactive runtime into a
 * blocking servlet stack for what a queue and two threads do.
 */
final class Batches<T, R> implements AutoCloseable {

    /** One queued call: its input, and the batch function's answer to it. */
    static final class Call<T, R> {

        private final T input;
        private final CompletableFuture<R> answer = new CompletableFuture<>();

        private Call(T input) {
            this.input = input;
        }

        T input() {
            return input;
        }

        void answer(R result) {
            answer.complete(result);
        }

        /** Fails the call, unless it has been answered already. */
        void fail(RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    private final BlockingQueue<Call<T, R>> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<Call<T, R>>> batch;
    private final int maxBatch;
    private final long timeoutMillis;
    private final Supplier<RuntimeException> timedOut;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * {@code threads} workers, each running one batch at a time; a caller waits at most
     * {@code timeoutMillis} for its answer, then gets {@code timedOut}'s exception.
     */
    Batches(String name, int threads, int maxBatch, long timeoutMillis, Supplier<RuntimeException> timedOut,
            Consumer<List<Call<T, R>>> batch) {
        if (threads < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("a batch needs at least one thread and one call");
        }
        this.batch = batch;
        this.maxBatch = maxBatch;
        this.timeoutMillis = timeoutMillis;
        this.timedOut = timedOut;
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::work, name + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Queues the input and waits for the batch function's answer, or rethrows its failure. */
    R call(T input) {
        if (closed) {
            throw new IllegalStateException("the batches are closed");
        }
        Call<T, R> call = new Call<>(input);
        queue.add(call);
        try {
            return call.answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (TimeoutException e) {
            throw timedOut.get();
        }
    }

    /** How many calls wait for a worker. */
    int queued() {
        return queue.size();
    }

    private void work() {
        List<Call<T, R>> taken = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                taken.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(taken, maxBatch - 1);
            try {
                batch.accept(List.copyOf(taken));
            } catch (RuntimeException | Error e) {
                RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                taken.forEach(c -> c.fail(failure));
            }
            IllegalStateException unanswered = new IllegalStateException("the batch left this call unanswered");
            taken.forEach(c -> c.fail(unanswered));
            taken.clear();
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
        IllegalStateException closing = new IllegalStateException("the batches are closed");
        for (Call<T, R> c; (c = queue.poll()) != null;) {
            c.fail(closing);
        }
    }
}
