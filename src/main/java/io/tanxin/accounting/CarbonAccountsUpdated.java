package io.tanxin.accounting;

import java.time.YearMonth;
import java.util.List;

/** These enterprise-months have new runs after a submission was accepted. */
public record CarbonAccountsUpdated(long submissionId, List<AccountMonth> months) {

    public record AccountMonth(String uscc, YearMonth month) {
    }
}
