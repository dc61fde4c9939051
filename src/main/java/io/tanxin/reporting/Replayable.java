package io.tanxin.reporting;

import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;

/**
 * The answer to a write that takes an Idempotency-Key: what it made or, when {@code replayed}, what
 * the first request with the same key and the same body made (the web layer answers 200, not 201).
 */
public record Replayable<T>(T result, boolean replayed) {

    /**
     * Runs a keyed write (its own transaction) once more if a concurrent request with the same key
     * committed first: the unique key refused this one's insert, and its second run is that
     * request's retry. Called outside the write's transaction, which the refusal rolled back.
     */
    public static <T> Replayable<T> racingForItsKey(Supplier<Replayable<T>> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException lostTheRace) {
            return write.get();
        }
    }
}
