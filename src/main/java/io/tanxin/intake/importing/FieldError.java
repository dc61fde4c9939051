package io.tanxin.intake.importing;

/** A row that reads but breaks a rule; names the column at fault. */
public final class FieldError extends RuntimeException {

    private final String column;
    private final String code;
    private final String messageZh;
    private final String messageEn;

    public FieldError(String column, String code, String messageZh, String messageEn) {
        super(code, null, false, false);
        this.column = column;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public String column() {
        return column;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
