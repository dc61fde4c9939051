package io.tanxin.intake.telemetry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the tests' own, with persistence on, on a free loopback port: the restart test
 * stops and starts it, which it must never do to the shared broker on 1883.
 */
final class TestBroker {

    private static TestBroker shared;

    private final Path directory;
    private final Path config;
    private final int port;
    private Process process;

    private TestBroker(Path directory, int port) throws IOException {
        this.directory = directory;
        this.port = port;
        this.config = directory.resolve("mosquitto.conf");
        Files.writeString(config, """
                persistence true
                persistence_location %s/
                listener %d 127.0.0.1
                allow_anonymous true
                log_dest file %s/mosquitto.log
                """.formatted(directory, port, directory));
    }

    static synchronized TestBroker shared() {
        if (shared == null) {
            try {
                Path directory = Files.createTempDirectory("tanxin-mosquitto");
                // mosquitto started as root drops to its own user, which must still write its persistence file here
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
                shared = new TestBroker(directory, freePort());
                shared.start();
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    synchronized void start() {
        try {
            process = new ProcessBuilder("mosquitto", "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("mosquitto did not start", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port);
    }

    /** SIGTERM: Mosquitto writes its persistence file on the way out, as a clean broker restart would. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
