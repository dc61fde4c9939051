package io.tanxin.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for console and API: form login for people, HTTP Basic and bearer tokens for
 * machines. URL rules only separate the public from the signed-in; which role may do what is
 * stated on every endpoint with {@code @PreAuthorize}, so the rule sits next to the code it guards.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication // operator commands run without a web server
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /**
     * No Micrometer observation around each security filter, authentication and authorization: they
     * are tracing spans, and nothing here collects traces, but each request paid for a dozen of them
     * (the filter chain's observation wrappers were a tenth of a report's server CPU in a JFR profile).
     * The request itself is still observed ({@code http.server.requests}).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticatedTokens tokens, ProblemResponder problems) throws Exception {
        RequestMatcher api = PATHS.matcher("/api/**");
        RequestMatcher machineCall = request -> request.getHeader("Authorization") != null;
        RequestMatcher calculator = PATHS.matcher(HttpMethod.POST, "/api/v1/accounting/calculations");
        // without a session cookie there is no ambient authority for a forged page to borrow: such an API call
        // is answered 401 (who are you) rather than refused as 403 for a missing CSRF token
        RequestMatcher apiWithoutSession = request -> api.matches(request) && request.getRequestedSessionId() == null;

        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PATHS.matcher("/actuator/health/**"), PATHS.matcher("/actuator/health"),
                                PATHS.matcher("/actuator/info"), PATHS.matcher("/v3/api-docs/**"),
                                PATHS.matcher("/v3/api-docs"), PATHS.matcher("/swagger-ui/**"),
                                PATHS.matcher("/swagger-ui.html"), PATHS.matcher("/login"),
                                PATHS.matcher("/css/**"), PATHS.matcher("/js/**"), PATHS.matcher("/webjars/**"), PATHS.matcher("/favicon.ico"),
                                PATHS.matcher("/error"))
                        .permitAll()
                        .requestMatchers(calculator).permitAll()
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/v1/reference/**")).permitAll()
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/v1/demo")).permitAll()
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/v1/evidence/**")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
                // browsers send cookies on their own and need CSRF tokens; API clients authenticate
                // every request with a header a forged page cannot set
                .csrf(csrf -> csrf.ignoringRequestMatchers(machineCall, calculator, apiWithoutSession))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAccessDeniedHandlerFor(problems, api)
                        // with a single mapping Spring Security uses it for every request; pages (a
                        // console form whose CSRF token is missing or stale) get the error page in words
                        .defaultAccessDeniedHandlerFor(consolePage(), request -> true));
        return http.build();
    }

    /** The container's error dispatch renders the error page with status 403 (a forward would lose the status). */
    private static AccessDeniedHandler consolePage() {
        return (request, response, denied) -> response.sendError(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN);
    }
}
