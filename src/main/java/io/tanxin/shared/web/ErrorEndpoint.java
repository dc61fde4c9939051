package io.tanxin.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The container's /error page, where Spring sends what fails before a controller is chosen
 * (unknown address, wrong method, unsupported or unacceptable media type, unreadable multipart) and
 * whatever a filter lets through. An API address gets an RFC 9457 problem in
 * {@code application/problem+json} whatever the client accepts: Boot's own controller answered it
 * with its JSON without a code, an HTML page for {@code Accept: text/html}, and nothing at all for a
 * type it cannot write. Every other address (the console) keeps Boot's error page, by delegation.
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication // Boot's ErrorAttributes exist only there
@RequestMapping("${spring.web.error.path:${error.path:/error}}")
class ErrorEndpoint implements ErrorController {

    private final ErrorAttributes errors;
    /** Boot's controller, not a bean (it would map /error twice): it renders the console's error pages. */
    private final BasicErrorController pages;

    ErrorEndpoint(ErrorAttributes errors, WebProperties web, ObjectProvider<ErrorViewResolver> views) {
        this.errors = errors;
        this.pages = new BasicErrorController(errors, web.getError(), views.orderedStream().toList());
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    Object errorHtml(HttpServletRequest request, HttpServletResponse response) {
        return ApiPaths.isApi(request) ? problem(request) : pages.errorHtml(request, response);
    }

    @RequestMapping
    Object error(HttpServletRequest request) {
        return ApiPaths.isApi(request) ? problem(request) : pages.error(request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<?> mediaTypeNotAcceptable(HttpServletRequest request) {
        return ApiPaths.isApi(request) ? problem(request) : pages.mediaTypeNotAcceptable(request);
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        Throwable error = errors.getError(new ServletWebRequest(request));
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ProblemDetail problem = ProblemTranslation.of(error, status instanceof Integer s ? s : 500,
                LocaleContextHolder.getLocale());
        // a set content type skips content negotiation: the problem is JSON even for Accept: text/html
        // (headers Spring set before forwarding here, such as Allow and Accept, are still on the response)
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
