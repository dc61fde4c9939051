package io.tanxin.reporting.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of issue 4: credit-report latency (p50/p95) for JSON and PDF through HTTP as the
 * analyst (with an API token), one client and 32 concurrent clients, over the rated enterprises of the demo province.
 * Every request is a real issue: access decision and query record, report body, evidence leaf,
 * sequencing, checkpoint when needed, inclusion proof (and rendering for PDF). Run with bench/report.sh.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "tanxin.bench", matches = "true")
class ReportBench {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String token;

    @Test
    void reportLatency() throws Exception {
        List<String> usccs = jdbc.sql("SELECT DISTINCT uscc FROM rating ORDER BY uscc").query(String.class).list();
        if (usccs.isEmpty()) {
            usccs = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc").query(String.class).list();
        }
        System.out.printf("%nreport benchmark: %d enterprises (%d rated), machine: %d cores, JDK %s%n",
                jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single(), usccs.size(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        // phases of several seconds: with 600 reports (2 s) at 32 clients a periodic job or a GC cycle moved
        // the throughput of one run by a third
        int json = Integer.getInteger("tanxin.bench.json", 1500);
        int pdf = Integer.getInteger("tanxin.bench.pdf", 150);
        // Warm-up until the JIT has compiled the paths: with 30 reports, as before, the measured phases
        // still shared the cores with the C2 compiler (a third of the JVM's CPU in the first minutes)
        run(usccs, "application/json", Integer.getInteger("tanxin.bench.warmup.json", 1500), 8);
        // PDFs take longer: C2 was still compiling openhtmltopdf's layout (an eighth of a core) after
        // a thousand of them, so the PDF phases measured the compiler as well as the rendering
        run(usccs, "application/pdf", Integer.getInteger("tanxin.bench.warmup.pdf", 1200), 4);
        List<String> all = usccs;
        measure("JSON", 1, () -> run(all, "application/json", json, 1));
        measure("PDF ", 1, () -> run(all, "application/pdf", pdf, 1));
        measure("JSON", 32, () -> run(all, "application/json", json * 2, 32));
        measure("PDF ", 32, () -> run(all, "application/pdf", pdf * 2, 32));
    }

    interface Phase {
        List<Long> run() throws Exception;
    }

    /**
     * Latency, and the CPU time of this JVM (server and clients, GC included) per report with the
     * throughput: other builds on the machine move the latencies a lot, the CPU per report little.
     */
    private static void measure(String format, int clients, Phase phase) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long pg0 = io.tanxin.support.Cpu.postgresNanos();
        long wall0 = System.nanoTime();
        List<Long> micros = phase.run();
        if (micros.isEmpty()) {
            return; // a phase sized 0 is skipped
        }
        double seconds = (System.nanoTime() - wall0) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        double pgMs = (io.tanxin.support.Cpu.postgresNanos() - pg0) / 1e6;
        print(format, clients, micros);
        System.out.printf("%s %2d client(s): cpu %6.1f ms/report (PostgreSQL %5.1f), %6.1f reports/s%n", format, clients,
                cpuMs / micros.size(), pgMs / micros.size(), micros.size() / seconds);
    }

    private List<Long> run(List<String> usccs, String accept, int requests, int clients) throws Exception {
        if (token == null) {
            // an API token: Basic auth would add a BCrypt check (~70 ms of CPU) to every request
            token = Api.as(port, "analyst").post("/api/v1/identity/tokens", "{\"name\":\"report-bench\"}").json()
                    .path("token").asString();
        }
        String auth = "Bearer " + token;
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    String uscc = usccs.get(i % usccs.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/enterprises/" + uscc + "/credit-report")).header("Accept", accept)
                            .header("Authorization", auth).GET().build();
                    long start = System.nanoTime();
                    HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long took = (System.nanoTime() - start) / 1000;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(uscc + ": " + r.statusCode() + " "
                                + new String(r.body(), StandardCharsets.UTF_8));
                    }
                    micros.add(took);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return micros;
    }

    private static void print(String format, int clients, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%s %2d client(s): %4d reports, p50 %7.1f ms, p95 %7.1f ms, max %7.1f ms%n", format, clients,
                sorted.size(), pct(sorted, 50), pct(sorted, 95), sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1000.0;
    }
}
