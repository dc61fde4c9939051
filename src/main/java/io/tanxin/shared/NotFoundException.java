package io.tanxin.shared;

/** The thing asked for does not exist (or the caller may not know that it does). */
public class NotFoundException extends DomainException {

    public NotFoundException(String code, String messageZh, String messageEn) {
        super(code, messageZh, messageEn);
        withStatus(404);
    }
}
