package io.tanxin.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.tanxin.support.Api;

/**
 * What a browser does with the console, without a browser: its own cookie jar (session and
 * language cookies), no redirect following (so 302s can be asserted), form posts with or without
 * the CSRF token the page carried. One instance per person; not thread-safe.
 */
final class FormClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern CSRF_INPUT = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    FormClient(int port) {
        this.port = port;
    }

    /** A browser that has signed in through the form as a demo user. */
    static FormClient signedIn(int port, String username) {
        FormClient b = new FormClient(port);
        Page login = b.get("/login");
        Page done = b.post("/login", Map.of("username", username, "password", Api.DEMO_PASSWORD), login.csrf());
        if (done.status() != 302 || done.location().contains("error")) {
            throw new IllegalStateException("sign-in as " + username + " failed: " + done.status() + " " + done.location());
        }
        return b;
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    Page get(String path) {
        return send(request(path).GET());
    }

    Page get(String path, String header, String value) {
        return send(request(path).header(header, value).GET());
    }

    /** A form post; {@code csrf} null leaves the token out, as a forged cross-site form would. */
    Page post(String path, Map<String, String> fields, String csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart form post with one file part named {@code file}. */
    Page postMultipart(String path, Map<String, String> fields, String fileName, byte[] file, String csrf) {
        String boundary = "----tanxin" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        all.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            List<String> set = r.headers().allValues("Set-Cookie");
            for (String c : set) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                boolean expired = c.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(""), set, r.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    record Page(int status, String body, String location, List<String> setCookies, Map<String, List<String>> headers) {

        /** A response header, case-insensitive, or empty. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        }

        private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
                Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

        /** The CSRF token of the first form that carries one. */
        String csrf() {
            Matcher m = CSRF_INPUT.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no _csrf input in the page (" + status + ")");
            }
            return m.group(1) != null ? m.group(1) : m.group(2);
        }

        /** Every {@code <form method="post">}: its opening tag's attributes and its content. */
        List<Form> postForms() {
            List<Form> forms = new ArrayList<>();
            Matcher m = FORM.matcher(body);
            while (m.find()) {
                if (m.group(1).toLowerCase().matches("(?s).*\\bmethod\\s*=\\s*\"post\".*")) {
                    Matcher action = Pattern.compile("\\baction=\"([^\"]*)\"").matcher(m.group(1));
                    forms.add(new Form(action.find() ? action.group(1) : "", m.group(1), m.group(2)));
                }
            }
            return forms;
        }

        @Override
        public String toString() {
            return status + " " + location + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    record Form(String action, String attributes, String content) {

        boolean hasCsrfToken() {
            return CSRF_INPUT.matcher(content).find()
                    && content.matches("(?s).*<input[^>]*type=\"hidden\"[^>]*name=\"_csrf\".*|.*<input[^>]*name=\"_csrf\"[^>]*type=\"hidden\".*");
        }
    }
}
