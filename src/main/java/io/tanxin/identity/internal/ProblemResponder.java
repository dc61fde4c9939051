package io.tanxin.identity.internal;

import java.io.IOException;
import java.util.Locale;

import io.tanxin.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Answers the API's 401 and 403 with the same RFC 9457 problems as every other error. */
@Component
class ProblemResponder implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final LocaleResolver locales;

    ProblemResponder(JsonMapper json, LocaleResolver locales) {
        this.json = json;
        this.locales = locales;
    }

    /** The language of the answer, decided as for every other request (these run before Spring MVC does). */
    Locale localeOf(HttpServletRequest request) {
        return locales.resolveLocale(request);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"tanxin\", Bearer");
        write(response, Problems.of(401, "UNAUTHENTICATED", "需要登录或提供有效的凭据",
                "Authentication with valid credentials is required", localeOf(request)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, Problems.of(403, "FORBIDDEN", "无权执行此操作", "You are not allowed to do this",
                localeOf(request)));
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
