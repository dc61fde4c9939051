package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit's queue: calls that wait while a batch runs go together into the next one. */
class BatchesTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<Integer> sizes = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchMayEnd = new CountDownLatch(1);
    private Batches<Integer, Integer> batches;

    @AfterEach
    void close() {
        firstBatchMayEnd.countDown();
        if (batches != null) {
            batches.close();
        }
        callers.shutdownNow();
    }

    /** Answers each input with ten times it; the first batch waits until the test lets it end. */
    private void timesTen(List<Batches.Call<Integer, Integer>> calls) {
        sizes.add(calls.size());
        if (sizes.size() == 1) {
            try {
                firstBatchMayEnd.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Batches.Call<Integer, Integer> c : calls) {
            if (c.input() < 0) {
                throw new IllegalArgumentException("negative: " + c.input());
            }
            if (c.input() != 13) {
                c.answer(c.input() * 10);
            }
        }
    }

    private Batches<Integer, Integer> batches(int threads, int maxBatch, long timeoutMillis,
            Consumer<List<Batches.Call<Integer, Integer>>> batch) {
        batches = new Batches<>("test-batches", threads, maxBatch, timeoutMillis,
                () -> new IllegalStateException("timed out"), batch);
        return batches;
    }

    private List<Future<Integer>> callWhileTheFirstBatchRuns(Batches<Integer, Integer> b, int... inputs)
            throws InterruptedException {
        List<Future<Integer>> answers = new ArrayList<>();
        answers.add(callers.submit(() -> b.call(0)));
        while (sizes.isEmpty()) {
            Thread.sleep(1);
        }
        // one at a time, so that they queue in the order given: the tests read answers by their place
        for (int i = 0; i < inputs.length; i++) {
            int input = inputs[i];
            answers.add(callers.submit(() -> b.call(input)));
            while (b.queued() < i + 1) {
                Thread.sleep(1);
            }
        }
        firstBatchMayEnd.countDown();
        return answers;
    }

    @Test
    void callsQueuedWhileABatchRunsGoTogetherIntoTheNextAndEachGetsItsOwnAnswer() throws Exception {
        Batches<Integer, Integer> b = batches(1, 64, 10_000, this::timesTen);
        List<Future<Integer>> answers = callWhileTheFirstBatchRuns(b, 1, 2, 3, 4, 5);
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
        }
        assertThat(sizes).containsExactly(1, 5);
        // a call alone runs at once, as a batch of one
        assertThat(b.call(7)).isEqualTo(70);
        assertThat(sizes).containsExactly(1, 5, 1);
    }

    @Test
    void aBatchTakesNoMoreThanItsLimit() throws Exception {
        Batches<Integer, Integer> b = batches(1, 4, 10_000, this::timesTen);
        List<Future<Integer>> answers = callWhileTheFirstBatchRuns(b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        for (Future<Integer> a : answers) {
            a.get(10, TimeUnit.SECONDS);
        }
        assertThat(sizes).containsExactly(1, 4, 4, 2);
    }

    @Test
    void aFailingBatchFailsEachOfItsCallsWithItsExceptionAndTheNextBatchRuns() throws Exception {
        Batches<Integer, Integer> b = batches(1, 64, 10_000, this::timesTen);
        List<Future<Integer>> answers = callWhileTheFirstBatchRuns(b, 1, -2);
        assertThat(answers.get(0).get(10, TimeUnit.SECONDS)).isZero();
        // the first call of the failing batch was answered before the failure: it keeps its answer
        assertThat(answers.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(10);
        assertThatThrownBy(() -> answers.get(2).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("negative: -2");
        // the caller gets the batch's own exception, not a wrapper
        assertThatThrownBy(() -> b.call(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.call(3)).isEqualTo(30);
    }

    @Test
    void aCallTheBatchLeavesUnansweredFails() {
        Batches<Integer, Integer> b = batches(2, 64, 10_000, this::timesTen);
        firstBatchMayEnd.countDown();
        assertThatThrownBy(() -> b.call(13)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unanswered");
    }

    @Test
    void aCallerWaitsNoLongerThanItsTimeout() throws Exception {
        Batches<Integer, Integer> b = batches(1, 64, 100, this::timesTen);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> b.call(1)).isInstanceOf(IllegalStateException.class).hasMessage("timed out");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(100L, 5_000L);
    }

    @Test
    void closingFailsTheCallsStillQueued() throws Exception {
        Batches<Integer, Integer> b = batches(1, 64, 10_000, this::timesTen);
        Future<Integer> running = callers.submit(() -> b.call(0));
        while (sizes.isEmpty()) {
            Thread.sleep(1);
        }
        Future<Integer> queued = callers.submit(() -> b.call(1));
        while (b.queued() < 1) {
            Thread.sleep(1);
        }
        b.close();
        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).hasMessageContaining("closed");
        assertThatThrownBy(() -> b.call(2)).hasMessageContaining("closed");
        firstBatchMayEnd.countDown();
        running.get(10, TimeUnit.SECONDS);
    }
}
