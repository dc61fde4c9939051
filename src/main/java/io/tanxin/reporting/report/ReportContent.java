package io.tanxin.reporting.report;

import java.util.List;

import io.tanxin.reporting.DisputedItem;
import io.tanxin.reporting.Objection;

/**
 * What a credit report shows of an enterprise besides its identity, its query records and the
 * report's own number and time: everything read from the accounting, rating, intake and objection
 * records, as of one Asia/Shanghai day. Immutable, so that reports of the same content version may
 * share it ({@link ReportContents}).
 */
record ReportContent(String modelVersion, List<CreditReport.YearAccount> accounts,
        List<CreditReport.MonthPoint> monthlyTrend, List<CreditReport.Structure> structure,
        CreditReport.Intensity intensity, CreditReport.RatingPart rating, CreditReport.DataSources dataSources,
        List<CreditReport.Finding> findings, List<CreditReport.NegativeItem> negativeInformation,
        List<Objection> objections, List<DisputedItem> disputedItems) {

    ReportContent {
        // each written as canonical JSON once, however many reports of the version carry it
        accounts = new CanonicalList<>(accounts);
        monthlyTrend = new CanonicalList<>(monthlyTrend);
        structure = new CanonicalList<>(structure);
        findings = new CanonicalList<>(findings);
        negativeInformation = new CanonicalList<>(negativeInformation);
        objections = new CanonicalList<>(objections);
        disputedItems = new CanonicalList<>(disputedItems);
    }
}
