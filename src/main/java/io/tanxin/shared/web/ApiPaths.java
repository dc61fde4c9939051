package io.tanxin.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** Which requests belong to the REST API: those under /api/, also while /error answers them. */
public final class ApiPaths {

    private ApiPaths() {
    }

    public static boolean isApi(HttpServletRequest request) {
        // on the container's error dispatch the request URI is /error; the client's is kept aside
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        return uri.startsWith(request.getContextPath() + "/api/");
    }
}
