package io.tanxin.console;

import java.time.Duration;
import java.util.Locale;

import io.tanxin.shared.web.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese unless the user switches: {@code ?lang=en} (or {@code zh}) on any page sets a cookie, so
 * the choice survives sign-out and a new session. On pages the browser's Accept-Language is ignored
 * on purpose: the pilot's users are in China, and their browsers are often set to English. An API
 * client names its language with Accept-Language (a program's header is chosen, not inherited from
 * an operating system); without one, the cookie or Chinese as on pages.
 */
@Configuration
class ConsoleLocale implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver pages = new CookieLocaleResolver("tanxin-lang");
        pages.setDefaultLocaleFunction(request -> CHINESE);
        pages.setCookieMaxAge(Duration.ofDays(365));
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                // ApiPaths, not the request URI: an API request's error is answered on /error
                if (request.getHeader("Accept-Language") != null && ApiPaths.isApi(request)) {
                    return request.getLocale();
                }
                return pages.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                pages.setLocale(request, response, locale);
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
