package io.tanxin.shared;

/** A USCC that is not 18 characters of the GB 32100 alphabet with a correct check character. */
public class InvalidUsccException extends DomainException {

    public InvalidUsccException(String value, String messageZh, String messageEn) {
        super("INVALID_USCC", messageZh, messageEn);
    }
}
