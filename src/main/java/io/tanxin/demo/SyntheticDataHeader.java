package io.tanxin.demo;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every API answer says when the data behind it is the synthetic demo province. */
@Component
class SyntheticDataHeader extends OncePerRequestFilter {

    private final DemoProvinceStatus status;

    SyntheticDataHeader(DemoProvinceStatus status) {
        this.status = status;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().startsWith("/api/") && status.current().isPresent()) {
            response.setHeader("X-Tanxin-Synthetic-Data", "true");
        }
        chain.doFilter(request, response);
    }
}
