package io.tanxin.intake.importing;

/** A cell as read from a file: its text, and whether the file held a formula there. */
public record Cell(String text, boolean formula) {

    public static final Cell EMPTY = new Cell("", false);

    public boolean blank() {
        return text == null || text.isBlank();
    }
}
