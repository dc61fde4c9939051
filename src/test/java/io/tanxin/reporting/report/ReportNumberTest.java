package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportNumberTest {

    @Test
    void theSerialHasAtLeastSixDigits() {
        assertThat(CreditReports.sixDigits(1)).isEqualTo("000001");
        assertThat(CreditReports.sixDigits(47_103)).isEqualTo("047103");
        assertThat(CreditReports.sixDigits(999_999)).isEqualTo("999999");
        assertThat(CreditReports.sixDigits(1_234_567)).isEqualTo("1234567");
    }
}
