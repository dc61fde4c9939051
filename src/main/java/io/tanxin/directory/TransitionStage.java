package io.tanxin.directory;

/** Where an enterprise stands in its low-carbon transition; the rating weights depend on it. */
public enum TransitionStage {
    INITIAL("转型初期"), MIDDLE("转型中期"), MATURE("转型成熟期");

    private final String nameZh;

    TransitionStage(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
