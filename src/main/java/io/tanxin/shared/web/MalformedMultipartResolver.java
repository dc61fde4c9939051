package io.tanxin.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

/**
 * A multipart body that cannot be parsed (no boundary, truncated) is the client's error. Spring
 * parses it before choosing a controller and resolves no such exception, so it left the servlet as
 * a 500 (logged as a server failure). Answered 400 here, the /error page then says why:
 * {@link ErrorEndpoint} for the API, Boot's error page for the console. Too large an upload stays
 * Spring's 413.
 */
@Component
class MalformedMultipartResolver implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(ex instanceof MultipartException) || ex instanceof MaxUploadSizeExceededException) {
            return null;
        }
        // as the container would for an exception: DispatcherServlet then does not parse the body
        // again on the /error dispatch (which failed the same way and left the answer empty)
        request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, ex);
        try {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        } catch (java.io.IOException e) {
            return null; // the client is gone; let Spring carry on as it would have
        }
        return new ModelAndView();
    }

    /** Right after Boot's DefaultErrorAttributes, which must first keep the exception for /error. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
