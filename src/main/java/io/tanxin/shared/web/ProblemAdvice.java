package io.tanxin.shared.web;

import java.util.Locale;

import io.tanxin.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a REST controller leaves as an RFC 9457 problem with a stable code. Errors before
 * a controller is chosen (this advice only applies to {@code @RestController}s) are answered by
 * {@link ErrorEndpoint}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, Locale locale) {
        return problem(Problems.of(e.status(), e.code(), e.messageZh(), e.messageEn(), locale));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(Exception e, Locale locale) {
        return problem(Problems.of(403, "FORBIDDEN", "无权执行此操作", "You are not allowed to do this", locale));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale) {
        log.error("unexpected error", e);
        return problem(Problems.of(500, "INTERNAL_ERROR", "服务器内部错误，请稍后重试",
                "Internal error, please retry later", locale));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // as resolved for this request (spring.web.locale when the client names no language)
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemTranslation.of(ex, status.value(), locale);
        return new ResponseEntity<>(problem, headers, HttpStatusCode.valueOf(problem.getStatus()));
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
