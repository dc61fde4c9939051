package io.tanxin.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import io.tanxin.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring MVC's own exceptions as problems with stable codes. One table for both ways they reach
 * us: {@link ProblemAdvice} once a REST controller was chosen, {@link ErrorEndpoint} when Spring
 * failed before choosing one (unknown address, wrong method or media type, unreadable multipart)
 * and sent the request to /error.
 */
final class ProblemTranslation {

    private ProblemTranslation() {
    }

    /** The problem for an exception Spring raised (may be null), else for the status it answered with. */
    static ProblemDetail of(Throwable ex, int status, Locale locale) {
        Throwable cause = unwrap(ex);
        ProblemDetail known = cause == null ? null : ofException(cause, locale);
        return known != null ? known : ofStatus(status, locale);
    }

    private static ProblemDetail ofException(Throwable ex, Locale locale) {
        if (ex instanceof HttpMessageNotReadableException) {
            // a field refused by a check of RequestBodyGuards while the body was read
            DomainException refused = DomainException.within(ex.getCause()).orElse(null);
            if (refused != null) {
                return Problems.of(refused.status(), refused.code(), refused.messageZh(), refused.messageEn(), locale);
            }
            return Problems.of(400, "MALFORMED_BODY", "请求体不是有效的 JSON 或字段类型不符",
                    "The request body is not valid JSON or a field has the wrong type", locale);
        }
        if (ex instanceof MethodArgumentNotValidException invalid) {
            return Problems.withErrors(Problems.of(422, "VALIDATION_FAILED", "请求字段校验未通过",
                    "Request fields failed validation", locale), fieldErrors(invalid));
        }
        if (ex instanceof HandlerMethodValidationException) {
            return Problems.of(400, "INVALID_PARAMETER", "请求参数无效", "Invalid request parameter", locale);
        }
        if (ex instanceof MethodArgumentTypeMismatchException || ex instanceof MissingServletRequestParameterException) {
            return Problems.of(400, "INVALID_PARAMETER", "请求参数缺失或格式错误",
                    "A request parameter is missing or malformed", locale);
        }
        if (ex instanceof MissingServletRequestPartException missing) {
            // the only parts the API reads are uploaded files; the message names the one missing
            String part = missing.getRequestPartName();
            return Problems.of(400, "MISSING_FILE_PART", "multipart 请求缺少文件部分“" + part + "”",
                    "The multipart request has no part named '" + part + "' with the file", locale);
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return Problems.of(413, "UPLOAD_TOO_LARGE", "上传内容超过服务器的大小上限",
                    "The upload exceeds the server's size limit", locale);
        }
        if (ex instanceof MultipartException) {
            return Problems.of(400, "MALFORMED_MULTIPART", "无法解析 multipart 请求体（边界缺失或内容损坏）",
                    "The multipart request body cannot be parsed (missing boundary or damaged content)", locale);
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return noSuchEndpoint(locale);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            // the Allow header names the methods that would work
            return Problems.of(405, "METHOD_NOT_ALLOWED", "此地址不支持该请求方法", "Method not allowed at this address",
                    locale);
        }
        if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
            String accepted = types(unsupported.getSupportedMediaTypes());
            return Problems.of(415, "UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型，此接口接受：" + accepted,
                    "Unsupported content type; this endpoint accepts: " + accepted, locale);
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException unacceptable) {
            String offered = types(unacceptable.getSupportedMediaTypes());
            return Problems.of(406, "NOT_ACCEPTABLE", "无法以请求的格式返回，可用格式：" + offered,
                    "Cannot answer in the requested format; available: " + offered, locale);
        }
        return null;
    }

    /** What /error answers when nothing more is known than the status (a plain sendError). */
    private static ProblemDetail ofStatus(int status, Locale locale) {
        return switch (status) {
            case 401 -> Problems.of(401, "UNAUTHENTICATED", "需要登录或提供有效的凭据",
                    "Authentication with valid credentials is required", locale);
            case 403 -> Problems.of(403, "FORBIDDEN", "无权执行此操作", "You are not allowed to do this", locale);
            case 404 -> noSuchEndpoint(locale);
            case 500 -> Problems.of(500, "INTERNAL_ERROR", "服务器内部错误，请稍后重试",
                    "Internal error, please retry later", locale);
            default -> Problems.of(status, "HTTP_" + status, "请求无法处理", "The request could not be processed", locale);
        };
    }

    private static ProblemDetail noSuchEndpoint(Locale locale) {
        return Problems.of(404, "NO_SUCH_ENDPOINT", "没有这个接口地址", "No such API endpoint", locale);
    }

    private static List<Map<String, Object>> fieldErrors(MethodArgumentNotValidException invalid) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError fe : invalid.getBindingResult().getFieldErrors()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", fe.getField());
            error.put("rejectedValue", fe.getRejectedValue() == null ? null : shortened(String.valueOf(fe.getRejectedValue())));
            error.put("message", fe.getDefaultMessage());
            errors.add(error);
        }
        return errors;
    }

    private static String types(List<MediaType> types) {
        return types.stream().map(MediaType::toString).collect(Collectors.joining(", "));
    }

    /** An exception that left a filter or servlet reaches /error wrapped by the container. */
    private static Throwable unwrap(Throwable ex) {
        Throwable t = ex;
        while (t instanceof ServletException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The refused value as the client sent it, cut short: echoing a 10,000-character field back helps no one. */
    private static String shortened(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
