package io.tanxin.intake.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.tanxin.shared.PlausibleNumbers;
import io.tanxin.shared.Uscc;

/**
 * How a cell's text becomes a value. {@link #parse} returns the value or throws {@link FieldError}
 * (without a column: the importer knows which) with the reason in Chinese and English.
 */
public enum ColumnType {
    TEXT, USCC, MONTH, YEAR, DATE, DECIMAL, INTEGER, CODE;

    /** The stored columns of codes (fuel and product codes, units) hold 64 characters. */
    static final int MAX_CODE_LENGTH = 64;

    public Object parse(String raw) {
        String text = raw.trim();
        if (text.indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold NUL. A CSV's is refused when decoded and JSON rows' when parsed, but
            // an XLSX string may carry one escaped (_x0000_), which the reader decodes: every reader ends here
            throw new FieldError(null, "CONTROL_CHARACTER", "含有不允许的控制字符（NUL）", "Contains a NUL control character");
        }
        return switch (this) {
            case TEXT -> text;
            case CODE -> {
                if (text.length() > MAX_CODE_LENGTH) {
                    throw new FieldError(null, "TOO_LONG", "代码过长（至多 " + MAX_CODE_LENGTH + " 个字符）",
                            "Code too long (at most " + MAX_CODE_LENGTH + " characters)");
                }
                yield text.toUpperCase(Locale.ROOT);
            }
            case USCC -> {
                if (!Uscc.isValid(text)) {
                    throw new FieldError(null, "INVALID_USCC", "统一社会信用代码无效（长度、字符或校验位错误）",
                            "Invalid USCC (length, characters or check character)");
                }
                yield text.toUpperCase(Locale.ROOT);
            }
            case MONTH -> month(text);
            case YEAR -> {
                int year = integer(text).intValue();
                if (year < 1990 || year > 2100) {
                    throw new FieldError(null, "INVALID_YEAR", "年度应在 1990–2100 之间", "Year must be between 1990 and 2100");
                }
                yield year;
            }
            case DATE -> date(text);
            case DECIMAL -> decimal(text);
            case INTEGER -> integer(text).intValue();
        };
    }

    static BigDecimal decimal(String text) {
        if (text.length() > PlausibleNumbers.MAX_TEXT_LENGTH) {
            throw new FieldError(null, "TOO_PRECISE", "数字过长", "Number too long");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.indexOf(',') < 0 ? text : text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new FieldError(null, "NOT_A_NUMBER", "不是数字", "Not a number");
        }
        if (value.signum() < 0) {
            throw new FieldError(null, "NEGATIVE_VALUE", "不能为负数", "Must not be negative");
        }
        PlausibleNumbers.problem(value).ifPresent(p -> {
            throw new FieldError(null, p.code(), p.messageZh(), p.messageEn());
        });
        return value;
    }

    private static BigDecimal integer(String text) {
        BigDecimal value = decimal(text);
        if (value.stripTrailingZeros().scale() > 0) {
            throw new FieldError(null, "NOT_AN_INTEGER", "应为整数", "Must be a whole number");
        }
        return value;
    }

    private static YearMonth month(String text) {
        try {
            if (text.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(text);
            }
            if (text.matches("\\d{4}/\\d{1,2}") || text.matches("\\d{4}-\\d{1}")) {
                String[] p = text.split("[/-]");
                return YearMonth.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
            if (text.matches("\\d{4}年\\d{1,2}月")) {
                return YearMonth.of(Integer.parseInt(text.substring(0, 4)),
                        Integer.parseInt(text.substring(5, text.length() - 1)));
            }
            if (text.matches("\\d{5}(\\.0+)?")) {
                return YearMonth.from(XlsxTableReader.excelDate(Double.parseDouble(text)));
            }
        } catch (RuntimeException e) {
            // falls through to the error below
        }
        throw new FieldError(null, "INVALID_MONTH", "月份格式应为 2025-03", "Month must look like 2025-03");
    }

    private static LocalDate date(String text) {
        try {
            if (text.matches("\\d{5}(\\.0+)?")) {
                return XlsxTableReader.excelDate(Double.parseDouble(text));
            }
            return LocalDate.parse(text.replace('/', '-'));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new FieldError(null, "INVALID_DATE", "日期格式应为 2025-03-31", "Date must look like 2025-03-31");
        }
    }
}
