package io.tanxin.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before any servlet runs (a malformed request line, {@code %2F} or
 * {@code %00} in a path, broken percent-encoding, an overlong request line), were Tomcat's HTML page
 * on API addresses too. Its error report valve is replaced by one that writes an RFC 9457 problem for
 * an {@code /api/} address, or for a request whose address could not be read, and leaves every other
 * page to Tomcat (without server details, as Spring Boot configures it). Runs after Spring Boot's own
 * customizer, whose valve it takes the place of.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (!(context.getParent() instanceof StandardHost host)) {
                return;
            }
            for (Valve v : host.getPipeline().getValves()) {
                if (v instanceof ErrorReportValve && !(v instanceof ProblemValve)) {
                    host.getPipeline().removeValve(v);
                }
            }
            ProblemValve valve = new ProblemValve();
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            host.getPipeline().addValve(valve);
            // so that the host, starting, finds its error report valve and adds no other
            host.setErrorReportValveClass(ProblemValve.class.getName());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Public with a no-argument constructor: Tomcat may create its error report valve by class name. */
    public static class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            String uri = request.getRequestURI();
            // no address when the request line itself could not be read (too long, malformed): no page
            // is meant, and browsers do not send such lines, so API clients get their problem
            boolean api = uri == null || uri.isEmpty() || uri.startsWith("/api/");
            if (status < 400 || !api || response.getContentWritten() > 0 || !response.setErrorReported()) {
                super.report(request, response, throwable);
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String code = status == 400 ? "MALFORMED_REQUEST" : "HTTP_" + status;
            String zh = status == 400 ? "请求格式错误（请求行、路径编码或请求头无效）" : "请求无法处理";
            String en = status == 400 ? "Malformed request (request line, path encoding or a header is invalid)"
                    : "The request could not be processed";
            String language = request.getHeader("Accept-Language");
            boolean english = language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
            // constant texts only: nothing from the malformed request is echoed back
            String body = "{\"type\":\"" + Problems.TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')
                    + "\",\"title\":\"" + (known != null ? known.getReasonPhrase() : "Error") + "\",\"status\":" + status
                    + ",\"detail\":\"" + (english ? en : zh) + "\",\"code\":\"" + code + "\",\"messageZh\":\"" + zh
                    + "\",\"messageEn\":\"" + en + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is already in use: nothing more to say
            }
        }
    }
}
