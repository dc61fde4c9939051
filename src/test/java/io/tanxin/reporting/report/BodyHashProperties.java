package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.tanxin.evidence.OfflineVerifier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A report's body is hashed from the tree of its values, and a verifier hashes the tree it parses
 * from the report's text: the two canonical forms must agree for any numbers and strings.
 */
class BodyHashProperties {

    record Values(String text, double score, Double kRatio, BigDecimal tco2e, List<BigDecimal> months, long id,
            Integer grade, boolean capped) {
    }

    @Property(tries = 2000)
    void theTreeOfTheValuesHashesLikeTheirParsedText(@ForAll String text, @ForAll double score, @ForAll Double kRatio,
            @ForAll BigDecimal tco2e, @ForAll List<BigDecimal> months, @ForAll long id, @ForAll Integer grade,
            @ForAll boolean capped) {
        if (Double.isNaN(score) || Double.isInfinite(score)
                || kRatio != null && (kRatio.isNaN() || kRatio.isInfinite())) {
            return; // not JSON numbers; no report holds one
        }
        Values v = new Values(text, score, kRatio, tco2e, months, id, grade, capped);
        byte[] fromTree = OfflineVerifier.reportBodyHash(CreditReports.JSON.valueToTree(v));
        byte[] fromText = OfflineVerifier.reportBodyHash(
                CreditReports.JSON.readTree(CreditReports.JSON.writeValueAsString(v)));
        assertThat(fromTree).isEqualTo(fromText);
    }
}
