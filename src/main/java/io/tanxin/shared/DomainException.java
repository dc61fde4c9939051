package io.tanxin.shared;

/**
 * A rule of the domain was broken by the caller's input. Carries a stable code and a message in
 * Chinese and English; the web layer turns it into an RFC 9457 problem (422 unless a subclass
 * says otherwise).
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final String messageZh;
    private final String messageEn;
    private int status = 422;

    public DomainException(String code, String messageZh, String messageEn) {
        super(code + ": " + messageEn);
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** The HTTP status this error maps to: 422 by default, 400 for malformed input, 404 for absence. */
    public int status() {
        return status;
    }

    public DomainException withStatus(int status) {
        this.status = status;
        return this;
    }

    /**
     * The domain refusal a library wrapped on its way out (a JSON parser wraps what a deserializer
     * threw), if there is one in the chain.
     */
    public static java.util.Optional<DomainException> within(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DomainException refused) {
                return java.util.Optional.of(refused);
            }
        }
        return java.util.Optional.empty();
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
