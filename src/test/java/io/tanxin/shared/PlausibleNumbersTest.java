package io.tanxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PlausibleNumbersTest {

    private static Optional<String> code(String number) {
        return PlausibleNumbers.problem(new BigDecimal(number)).map(PlausibleNumbers.Problem::code);
    }

    @Test
    void realFiguresPassUpToTheLimits() {
        assertThat(code("0")).isEmpty();
        assertThat(code("999999999999.999999")).isEmpty();
        assertThat(code("-999999999999")).isEmpty();
        assertThat(code("0.000000000000000001")).isEmpty();
        assertThat(code("1E+6")).isEmpty();
        assertThat(code("0.30000000000000004")).as("a spreadsheet's floating-point artefact").isEmpty();
    }

    @Test
    void tooLargeInEitherDirectionIsAbsurd() {
        assertThat(code("1E+12")).contains("ABSURD_VALUE");
        assertThat(code("-1000000000000")).contains("ABSURD_VALUE");
        assertThat(PlausibleNumbers.problem(new BigDecimal("1E+6"), PlausibleNumbers.PARAMETER_LIMIT))
                .map(PlausibleNumbers.Problem::code).contains("ABSURD_VALUE");
        assertThat(PlausibleNumbers.problem(new BigDecimal("999999.9"), PlausibleNumbers.PARAMETER_LIMIT)).isEmpty();
    }

    @Test
    void tooManyDigitsOrDecimalsIsTooPrecise() {
        assertThat(code("0.0000000000000000001")).contains("TOO_PRECISE");
        assertThat(code("1.234567890123456789012345678901")).contains("TOO_PRECISE");
    }

    @Test
    void hugeExponentsAreJudgedWithoutWritingTheDigitsOut() {
        long t0 = System.nanoTime();
        assertThat(code("1E+999999999")).contains("ABSURD_VALUE");
        assertThat(code("1E-999999999")).contains("TOO_PRECISE");
        assertThat(code("-9E+999999999")).contains("ABSURD_VALUE");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_000);
    }

    @Test
    void theMessageNamesTheLimitInBothLanguages() {
        PlausibleNumbers.Problem p = PlausibleNumbers.problem(new BigDecimal("5E+12")).orElseThrow();
        assertThat(p.messageZh()).contains("10^12");
        assertThat(p.messageEn()).contains("10^12");
        assertThat(PlausibleNumbers.problem(new BigDecimal("2E+6"), PlausibleNumbers.PARAMETER_LIMIT).orElseThrow()
                .messageEn()).contains("10^6");
    }
}
