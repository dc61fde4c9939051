package io.tanxin.bench.telemetry;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Just enough MQTT 3.1.1 to publish at QoS 1 with a window of unacknowledged messages. Plain JDK
 * on purpose: bench/pom.xml keeps the application's dependencies (the HiveMQ client among them)
 * off the benchmark classpath, and a load driver should cost the machine as little as possible.
 */
final class MqttQos1Publisher implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final Semaphore window;
    private final AtomicLong acknowledged = new AtomicLong();
    private final Thread reader;
    private volatile IOException failure;
    private int nextPacketId = 1;

    MqttQos1Publisher(String host, int port, String clientId, int windowSize) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        in = new DataInputStream(socket.getInputStream());
        window = new Semaphore(windowSize);
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        Packet connect = new Packet();
        connect.string("MQTT".getBytes(StandardCharsets.US_ASCII));
        connect.bytes(4, 0x02, 0, 0); // level 3.1.1, clean session, keep-alive off
        connect.string(id);
        connect.writeTo(out, 0x10);
        out.flush();
        int type = in.readUnsignedByte();
        int length = readRemainingLength();
        byte[] body = in.readNBytes(length);
        if (type != 0x20 || body.length != 2 || body[1] != 0) {
            throw new IOException("CONNACK refused: type " + type + " code " + (body.length > 1 ? body[1] : -1));
        }
        reader = new Thread(this::readAcks, "mqtt-puback-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void publish(String topic, byte[] payload) throws IOException, InterruptedException {
        if (!window.tryAcquire()) {
            out.flush();
            while (!window.tryAcquire(1, TimeUnit.SECONDS)) {
                checkHealthy();
            }
        }
        checkHealthy();
        int packetId = nextPacketId;
        nextPacketId = nextPacketId == 65535 ? 1 : nextPacketId + 1;
        Packet publish = new Packet();
        publish.string(topic.getBytes(StandardCharsets.UTF_8));
        publish.bytes(packetId >> 8, packetId & 0xff);
        publish.raw(payload);
        publish.writeTo(out, 0x32);
    }

    void flush() throws IOException {
        out.flush();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    private void checkHealthy() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private void readAcks() {
        try {
            while (true) {
                int type = in.readUnsignedByte();
                int length = readRemainingLength();
                in.readNBytes(length);
                if ((type & 0xf0) == 0x40) {
                    acknowledged.incrementAndGet();
                    window.release();
                }
            }
        } catch (EOFException closed) {
            failure = new IOException("broker closed the connection");
        } catch (IOException e) {
            failure = e;
        }
    }

    private int readRemainingLength() throws IOException {
        int value = 0;
        int multiplier = 1;
        int b;
        do {
            b = in.readUnsignedByte();
            value += (b & 0x7f) * multiplier;
            multiplier *= 128;
        } while ((b & 0x80) != 0);
        return value;
    }

    @Override
    public void close() throws IOException {
        try {
            out.write(new byte[] {(byte) 0xe0, 0});
            out.flush();
        } finally {
            socket.close();
        }
    }

    /** A packet body under construction; the fixed header is added on writing. */
    private static final class Packet {
        private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(256);

        void string(byte[] s) {
            body.write(s.length >> 8);
            body.write(s.length & 0xff);
            body.writeBytes(s);
        }

        void bytes(int... values) {
            for (int v : values) {
                body.write(v);
            }
        }

        void raw(byte[] b) {
            body.writeBytes(b);
        }

        void writeTo(OutputStream out, int header) throws IOException {
            out.write(header);
            int length = body.size();
            do {
                int digit = length % 128;
                length /= 128;
                out.write(length > 0 ? digit | 0x80 : digit);
            } while (length > 0);
            body.writeTo(out);
        }
    }
}
