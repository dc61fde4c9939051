package io.tanxin.directory;

public record Park(String code, String nameZh, String nameEn, String regionCode, boolean synthetic) {
}
