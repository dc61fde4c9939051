package io.tanxin.reporting;

/**
 * The answer to a write that takes an Idempotency-Key: what it made or, when {@code replayed}, what
 * the first request with the same key and the same body made (the web layer answers 200, not 201).
 */
public record Replayable<T>(T result, boolean replayed) {
}
