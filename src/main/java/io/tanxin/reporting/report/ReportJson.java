package io.tanxin.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A JSON report, {@code {"body":<canonical body>,"evidence":<evidence>}}, built in one buffer: the
 * body's canonical text is written there once, hashed there and sent from there. Writing it to an
 * array of its own and then copying it into an envelope array (and that array once more) made three
 * copies of a report that runs to 100 KB after a long benchmark, most of a report's garbage.
 */
final class ReportJson {

    private static final byte[] OPEN = "{\"body\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BEFORE_EVIDENCE = ",\"evidence\":".getBytes(StandardCharsets.UTF_8);

    private final Buffer out;
    private final int bodyEnd;
    private boolean closed;

    /** {@code expectedSize}: a guess at the whole report's size, so that the buffer seldom grows. */
    ReportJson(Object body, int expectedSize) {
        out = new Buffer(expectedSize);
        out.writeBytes(OPEN);
        CanonicalBody.write(body, out);
        bodyEnd = out.size();
    }

    /** The SHA-256 of the body's canonical text: what the report's evidence leaf names. */
    byte[] bodySha256() {
        return CanonicalBody.sha256(out.array(), OPEN.length, bodyEnd - OPEN.length);
    }

    /** Adds the evidence part (a JSON object) and closes the envelope; once. */
    void close(byte[] evidence) {
        if (closed) {
            throw new IllegalStateException("the report's JSON is closed already");
        }
        out.writeBytes(BEFORE_EVIDENCE);
        out.writeBytes(evidence);
        out.write('}');
        closed = true;
    }

    int length() {
        checkClosed();
        return out.size();
    }

    void writeTo(OutputStream target) throws IOException {
        checkClosed();
        target.write(out.array(), 0, out.size());
    }

    private void checkClosed() {
        if (!closed) {
            throw new IllegalStateException("the report's JSON has no evidence part yet");
        }
    }

    /** A ByteArrayOutputStream whose array can be read without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {

        Buffer(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }
}
