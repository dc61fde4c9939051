package io.tanxin.accounting.engine;

/** Something a reader of the account must know about how a figure was reached, in Chinese and English. */
public record Note(String code, String zh, String en) {
}
