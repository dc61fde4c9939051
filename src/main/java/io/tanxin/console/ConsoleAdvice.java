package io.tanxin.console;

import java.util.Locale;

import io.tanxin.demo.DemoProvince;
import io.tanxin.demo.DemoProvinceStatus;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every console page knows (who is signed in, the language, the demo notice) and how its
 * errors look: a page in words with the stable code, never a stack trace or a problem JSON.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    private final DemoProvinceStatus demo;

    ConsoleAdvice(DemoProvinceStatus demo) {
        this.demo = demo;
    }

    @ModelAttribute("demo")
    DemoProvince demo() {
        return demo.current().orElse(null);
    }

    @ModelAttribute("actor")
    Actor actor() {
        return Actors.current().orElse(null);
    }

    @ModelAttribute("en")
    boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, Model model, Locale locale, HttpServletResponse response) {
        return error(model, locale, response, e.status(), e.code(), e.messageZh(), e.messageEn());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    String denied(Exception e, Model model, Locale locale, HttpServletResponse response) {
        return domain(forbidden(), model, locale, response);
    }

    /** The refusal a console page gives whether a role rule or a tenant rule refused it. */
    static DomainException forbidden() {
        return new DomainException("FORBIDDEN", "您的角色无权查看此页面或执行此操作", "Your role may not see this page or do this")
                .withStatus(403);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            IllegalArgumentException.class})
    String badRequest(Exception e, Model model, Locale locale, HttpServletResponse response) {
        return error(model, locale, response, 400, "BAD_REQUEST", "请求参数不正确", "A parameter of the request is not valid");
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, Locale locale, HttpServletResponse response) {
        log.error("console: unexpected error", e);
        return error(model, locale, response, 500, "INTERNAL_ERROR", "服务器内部错误，请稍后重试",
                "Internal error, please retry later");
    }

    private String error(Model model, Locale locale, HttpServletResponse response, int status, String code, String zh,
            String en) {
        response.setStatus(status);
        model.addAttribute("demo", demo());
        model.addAttribute("actor", actor());
        model.addAttribute("en", english(locale));
        model.addAttribute("status", status);
        model.addAttribute("code", code);
        model.addAttribute("messageZh", zh);
        model.addAttribute("messageEn", en);
        return "console/error";
    }
}
