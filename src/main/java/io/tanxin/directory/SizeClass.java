package io.tanxin.directory;

/** Enterprise size class (大型/中型/小型/微型) per the NBS size standard. */
public enum SizeClass {
    LARGE("大型"), MEDIUM("中型"), SMALL("小型"), MICRO("微型");

    private final String nameZh;

    SizeClass(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
