package io.tanxin.accounting.engine;

import io.tanxin.shared.DomainException;

/** The engine refused to compute: a number it would give could not be trusted. */
public class CalculationException extends DomainException {

    private final CalculationErrorCode errorCode;

    public CalculationException(CalculationErrorCode errorCode, String messageZh, String messageEn) {
        super(errorCode.name(), messageZh, messageEn);
        this.errorCode = errorCode;
    }

    public CalculationErrorCode errorCode() {
        return errorCode;
    }
}
