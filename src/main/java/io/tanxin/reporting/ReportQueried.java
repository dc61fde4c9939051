package io.tanxin.reporting;

public record ReportQueried(long queryId, String uscc, String username, AccessBasis basis, ReportPurpose purpose) {
}
