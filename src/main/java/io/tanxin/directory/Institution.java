package io.tanxin.directory;

public record Institution(String code, String nameZh, String nameEn, InstitutionType type, String regionCode,
        boolean synthetic) {

    public boolean financial() {
        return type.financial();
    }
}
