package io.tanxin.rating.engine;

/** The colour label of a carbon credit rating, best first. */
public enum Label {
    DARK_GREEN("深绿", "dark green"), LIGHT_GREEN("浅绿", "light green"), YELLOW("黄", "yellow"), RED("红", "red");

    private final String nameZh;
    private final String nameEn;

    Label(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** True if this label is worse than the other. */
    public boolean worseThan(Label other) {
        return ordinal() > other.ordinal();
    }

    /** The worse of two labels. */
    public static Label worst(Label a, Label b) {
        return a.worseThan(b) ? a : b;
    }
}
