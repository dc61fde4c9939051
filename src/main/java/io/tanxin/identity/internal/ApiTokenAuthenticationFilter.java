package io.tanxin.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.tanxin.shared.web.Problems;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer tx_...} API tokens by their SHA-256 hash. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final AuthenticatedTokens tokens;
    private final ProblemResponder problems;

    ApiTokenAuthenticationFilter(AuthenticatedTokens tokens, ProblemResponder problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Users.StoredUser> user = tokens.user(TokenHashing.sha256(header.substring(7).trim()));
            if (user.isEmpty() || !user.get().enabled()) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                problems.write(response, Problems.of(401, "INVALID_TOKEN", "API 令牌无效、已过期或已吊销",
                        "The API token is invalid, expired or revoked", problems.localeOf(request)));
                return;
            }
            TanxinPrincipal principal = new TanxinPrincipal(user.get().actor(), user.get().passwordHash(), true);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                    principal.getAuthorities()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
