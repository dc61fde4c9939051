package io.tanxin.shared;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An accounting period: a month, a quarter or a year. Months are the unit of record; quarters and
 * years are roll-ups of their months (DESIGN §4, periods in Asia/Shanghai).
 */
public record Period(Kind kind, int year, int index) {

    public enum Kind { MONTH, QUARTER, YEAR }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    public static Period parse(String text) {
        if (text != null) {
            Matcher m;
            if ((m = MONTH.matcher(text)).matches()) {
                return new Period(Kind.MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = QUARTER.matcher(text)).matches()) {
                return new Period(Kind.QUARTER, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YEAR.matcher(text)).matches()) {
                return new Period(Kind.YEAR, Integer.parseInt(m.group(1)), 0);
            }
        }
        throw new DomainException("INVALID_PERIOD",
                "期间格式无效：" + text + "（应为 2025、2025-Q1 或 2025-03）",
                "Invalid period: " + text + " (expected 2025, 2025-Q1 or 2025-03)").withStatus(400);
    }

    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.getYear(), month.getMonthValue());
    }

    public List<YearMonth> months() {
        return switch (kind) {
            case MONTH -> List.of(YearMonth.of(year, index));
            case QUARTER -> range(YearMonth.of(year, index * 3 - 2), 3);
            case YEAR -> range(YearMonth.of(year, 1), 12);
        };
    }

    public YearMonth firstMonth() {
        return months().get(0);
    }

    public YearMonth lastMonth() {
        List<YearMonth> all = months();
        return all.get(all.size() - 1);
    }

    private static List<YearMonth> range(YearMonth first, int count) {
        List<YearMonth> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(first.plusMonths(i));
        }
        return List.copyOf(list);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, index).toString();
            case QUARTER -> year + "-Q" + index;
            case YEAR -> Integer.toString(year);
        };
    }
}
