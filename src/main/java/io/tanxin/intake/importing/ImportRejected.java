package io.tanxin.intake.importing;

import io.tanxin.shared.DomainException;

/** The file as a whole cannot be read (encoding, format, size, zip bomb); no row was looked at. */
public class ImportRejected extends DomainException {

    public ImportRejected(String code, String messageZh, String messageEn) {
        super(code, messageZh, messageEn);
    }
}
