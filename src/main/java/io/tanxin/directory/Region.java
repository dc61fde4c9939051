package io.tanxin.directory;

/** A GB/T 2260 administrative division with the power-grid region it belongs to. */
public record Region(String code, String nameZh, String nameEn, String level, String parent, String gridRegion) {

    /** The province (first two digits + 0000) whose provincial grid factor applies. */
    public String provinceCode() {
        return code.substring(0, 2) + "0000";
    }
}
