package io.tanxin.intake.importing;

/** A template column: its key, its Chinese and English headers, how to read it, whether required. */
public record Column(String key, String headerZh, String headerEn, ColumnType type, boolean required) {

    public static Column required(String key, String headerZh, String headerEn, ColumnType type) {
        return new Column(key, headerZh, headerEn, type, true);
    }

    public static Column optional(String key, String headerZh, String headerEn, ColumnType type) {
        return new Column(key, headerZh, headerEn, type, false);
    }

    /** A header cell matches the Chinese header, the English one or the key, ignoring case and spaces. */
    boolean matches(String header) {
        String h = header == null ? "" : header.replace(" ", "").replace("\u3000", "").trim();
        return h.equalsIgnoreCase(headerZh.replace(" ", "")) || h.equalsIgnoreCase(headerEn.replace(" ", ""))
                || h.equalsIgnoreCase(key);
    }
}
