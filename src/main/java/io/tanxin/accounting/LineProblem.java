package io.tanxin.accounting;

/** Why an activity line cannot be accounted: the field at fault and the reason in both languages. */
public record LineProblem(String field, String code, String messageZh, String messageEn) {
}
