package io.tanxin.intake.importing;

import java.time.YearMonth;
import java.util.Set;

import io.tanxin.intake.SourceType;

/**
 * What row rules need to know about the submission: its source, the enterprises that exist, the
 * one enterprise a self-reporting submitter may speak for, the current month, and the accounting
 * rules for activity lines.
 */
public record RowContext(SourceType source, Set<String> knownEnterprises, String onlyUscc, YearMonth currentMonth,
        ActivityLineCheck activityCheck) {

    /** Checks a kind/code/unit triple as accounting would; returns null when fine. */
    @FunctionalInterface
    public interface ActivityLineCheck {
        FieldError check(String kind, String code, String unit);

        /** The parameter names the kind takes, or null when they are not checked here. */
        default Set<String> parameterNames(String kind) {
            return null;
        }
    }

    public void requireEnterprise(String uscc) {
        if (onlyUscc != null && !onlyUscc.equals(uscc)) {
            throw new FieldError("uscc", "FOREIGN_ENTERPRISE", "只能提交本企业的数据", "You may submit data for your own enterprise only");
        }
        if (!knownEnterprises.contains(uscc)) {
            throw new FieldError("uscc", "UNKNOWN_ENTERPRISE", "名录库中没有该企业", "No such enterprise in the directory");
        }
    }

    public void requireNotFuture(YearMonth month, String column) {
        if (month.isAfter(currentMonth)) {
            throw new FieldError(column, "FUTURE_PERIOD", "不能提交未来月份的数据", "Data for a future month cannot be submitted");
        }
    }
}
