package io.tanxin.rating;

/**
 * An enterprise's current label for a year changed (re-rating or an approved override);
 * {@code downgrade} when the new label is worse. Not published for an enterprise's first rating.
 */
public record RatingChanged(String uscc, int year, String fromLabel, String toLabel, boolean downgrade) {
}
