package io.tanxin.rating;

/** A re-rating run: enterprises considered, ratings computed, new ratings stored, label changes, time. */
public record Recalculation(Integer year, int enterprises, int rated, int stored, int labelChanges, long millis) {
}
