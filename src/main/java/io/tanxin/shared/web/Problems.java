package io.tanxin.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem bodies the same way everywhere: a stable {@code code}, the message in
 * Chinese and English, and {@code detail} in the caller's language (Chinese unless they ask for
 * English).
 */
public final class Problems {

    public static final String TYPE_BASE = "https://tanxin.io/problems/";

    private Problems() {
    }

    public static ProblemDetail of(int status, String code, String messageZh, String messageEn, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setDetail(isEnglish(locale) ? messageEn : messageZh);
        problem.setProperty("code", code);
        problem.setProperty("messageZh", messageZh);
        problem.setProperty("messageEn", messageEn);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, Object>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
