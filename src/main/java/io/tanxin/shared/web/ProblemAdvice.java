package io.tanxin.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tanxin.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of the REST API leaves as an RFC 9457 problem with a stable code. */
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
        ProblemDetail problem = translate(ex, status.value(), locale);
        return new ResponseEntity<>(problem, headers, HttpStatusCode.valueOf(problem.getStatus()));
    }

    private ProblemDetail translate(Exception ex, int status, Locale locale) {
        if (ex instanceof HttpMessageNotReadableException) {
            // a field refused by a check of RequestBodyGuards while the body was read
            for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof DomainException refused) {
                    return Problems.of(refused.status(), refused.code(), refused.messageZh(), refused.messageEn(), locale);
                }
            }
            return Problems.of(400, "MALFORMED_BODY", "请求体不是有效的 JSON 或字段类型不符",
                    "The request body is not valid JSON or a field has the wrong type", locale);
        }
        if (ex instanceof MethodArgumentNotValidException invalid) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldError fe : invalid.getBindingResult().getFieldErrors()) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("field", fe.getField());
                error.put("rejectedValue", fe.getRejectedValue() == null ? null : String.valueOf(fe.getRejectedValue()));
                error.put("message", fe.getDefaultMessage());
                errors.add(error);
            }
            return Problems.withErrors(Problems.of(422, "VALIDATION_FAILED", "请求字段校验未通过",
                    "Request fields failed validation", locale), errors);
        }
        if (ex instanceof HandlerMethodValidationException) {
            return Problems.of(400, "INVALID_PARAMETER", "请求参数无效", "Invalid request parameter", locale);
        }
        if (ex instanceof MethodArgumentTypeMismatchException || ex instanceof MissingServletRequestParameterException) {
            return Problems.of(400, "INVALID_PARAMETER", "请求参数缺失或格式错误",
                    "A request parameter is missing or malformed", locale);
        }
        if (ex instanceof NoResourceFoundException) {
            return Problems.of(404, "NOT_FOUND", "请求的资源不存在", "No such resource", locale);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return Problems.of(405, "METHOD_NOT_ALLOWED", "不支持该请求方法", "Method not allowed", locale);
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return Problems.of(415, "UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型，请使用 application/json",
                    "Unsupported content type; use application/json", locale);
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return Problems.of(406, "NOT_ACCEPTABLE", "无法以请求的格式返回", "Cannot answer in the requested format", locale);
        }
        return Problems.of(status, "HTTP_" + status, "请求无法处理", "The request could not be processed", locale);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
