package io.tanxin.intake.importing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Where validated rows go, inside the import's transaction. On PostgreSQL rows stream through
 * COPY (several times faster than batched INSERT for a million rows); elsewhere, and as the
 * portable fallback DESIGN §4 asks for, through JDBC batches.
 */
public abstract class RowSink implements AutoCloseable {

    final String table;
    final List<String> columns;

    RowSink(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
    }

    public static RowSink open(Connection connection, String table, List<String> columns, boolean preferCopy)
            throws SQLException {
        if (preferCopy && connection.isWrapperFor(PGConnection.class)) {
            return new CopySink(connection.unwrap(PGConnection.class), table, columns);
        }
        return new BatchSink(connection, table, columns);
    }

    public abstract void add(Object[] row) throws SQLException;

    public abstract void finish() throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    static final class BatchSink extends RowSink {

        private static final int BATCH = 1000;
        private final PreparedStatement ps;
        private int pending;

        BatchSink(Connection connection, String table, List<String> columns) throws SQLException {
            super(table, columns);
            ps = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")");
        }

        @Override
        public void add(Object[] row) throws SQLException {
            for (int i = 0; i < row.length; i++) {
                Object v = row[i];
                if (v instanceof LocalDate d) {
                    ps.setObject(i + 1, d);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            ps.addBatch();
            if (++pending == BATCH) {
                ps.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void finish() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            ps.close();
        }
    }

    /**
     * Streams rows through COPY. Encoding and sending run on a writer thread of their own: the
     * importing thread only checks rows (the benchmark showed it to be the slower side, with the
     * writer waiting for rows most of the time), and the socket's waits for PostgreSQL overlap with
     * checking. Batches of rows pass through a small bounded queue, so memory stays flat however
     * large the file.
     */
    static final class CopySink extends RowSink {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RowSink.class);
        private static final int BATCH_ROWS = 2048;
        private static final int FLUSH_CHARS = 1 << 17;
        private static final Object[][] END = new Object[0][];
        private final CopyIn copy;
        private Object[][] batch = new Object[BATCH_ROWS][];
        private int batched;
        private final java.util.concurrent.BlockingQueue<Object[][]> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
        private final Thread writer;
        private volatile Throwable failure;
        private boolean done;
        // which side waits shows which one limits the import: checking rows or PostgreSQL taking them
        private long producerWaitNanos;
        private volatile long writerWaitNanos;

        CopySink(PGConnection connection, String table, List<String> columns) throws SQLException {
            super(table, columns);
            copy = connection.getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns)
                    + ") FROM STDIN WITH (FORMAT csv)");
            writer = new Thread(this::drain, "copy-writer-" + table);
            writer.setDaemon(true);
            writer.start();
        }

        private void drain() {
            StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
            try {
                while (true) {
                    long waitStart = System.nanoTime();
                    Object[][] rows = queue.take();
                    writerWaitNanos += System.nanoTime() - waitStart;
                    if (rows == END) {
                        send(buffer);
                        return;
                    }
                    for (Object[] row : rows) {
                        if (row == null) {
                            break;
                        }
                        encode(row, buffer);
                        if (buffer.length() >= FLUSH_CHARS) {
                            send(buffer);
                        }
                    }
                }
            } catch (Throwable e) {
                failure = e;
                queue.clear();
            }
        }

        private void send(StringBuilder buffer) throws SQLException {
            if (buffer.length() > 0) {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                buffer.setLength(0);
            }
        }

        private static void encode(Object[] row, StringBuilder buffer) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                Object v = row[i];
                if (v == null) {
                    continue; // unquoted empty = NULL in COPY csv
                }
                if (v instanceof BigDecimal d) {
                    buffer.append(d.toPlainString());
                } else if (v instanceof Number || v instanceof Boolean || v instanceof LocalDate) {
                    buffer.append(v);
                } else {
                    appendQuoted(v.toString(), buffer);
                }
            }
            buffer.append('\n');
        }

        private static void appendQuoted(String s, StringBuilder buffer) {
            buffer.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    buffer.append('"');
                }
                buffer.append(c);
            }
            buffer.append('"');
        }

        /** The rows handed over must not change afterwards: the writer encodes them later. */
        @Override
        public void add(Object[] row) throws SQLException {
            batch[batched++] = row;
            if (batched == BATCH_ROWS) {
                hand(batch);
                batch = new Object[BATCH_ROWS][];
                batched = 0;
            }
        }

        private void hand(Object[][] rows) throws SQLException {
            rethrow();
            try {
                long waitStart = System.nanoTime();
                queue.put(rows);
                producerWaitNanos += System.nanoTime() - waitStart;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while streaming rows", e);
            }
        }

        private void rethrow() throws SQLException {
            Throwable f = failure;
            if (f instanceof SQLException e) {
                throw e;
            }
            if (f != null) {
                throw new SQLException("streaming rows failed", f);
            }
        }

        private void stopWriter() {
            try {
                if (writer.isAlive()) {
                    queue.put(END);
                }
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void finish() throws SQLException {
            if (batched > 0) {
                hand(batch); // a partly filled batch ends at its first null
                batch = new Object[BATCH_ROWS][];
                batched = 0;
            }
            long endStart = System.nanoTime();
            stopWriter();
            rethrow();
            copy.endCopy();
            done = true;
            log.debug("COPY {}: rows checker waited {} ms for the writer, writer waited {} ms for rows, end of COPY {} ms",
                    table, producerWaitNanos / 1_000_000, writerWaitNanos / 1_000_000,
                    (System.nanoTime() - endStart) / 1_000_000);
        }

        @Override
        public void close() throws SQLException {
            if (!done) {
                queue.clear();
                stopWriter();
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }
}
