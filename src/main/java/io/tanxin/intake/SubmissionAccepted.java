package io.tanxin.intake;

import java.util.List;

/** A submission was accepted whole; {@code enterpriseMonths} lists "uscc@yyyy-MM" it touched. */
public record SubmissionAccepted(long submissionId, Dataset dataset, SourceType source, List<String> enterpriseMonths) {
}
