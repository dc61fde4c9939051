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
     * Streams rows through COPY. Encoding and sending run on a writer thread of their own, so that
     * checking the next rows overlaps with the socket waiting for PostgreSQL; chunks pass through a
     * small bounded queue, so memory stays flat however large the file.
     */
    static final class CopySink extends RowSink {

        private static final int FLUSH_CHARS = 1 << 17;
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
        private final java.util.concurrent.BlockingQueue<String> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
        private final Thread writer;
        private volatile Throwable failure;
        private boolean done;

        CopySink(PGConnection connection, String table, List<String> columns) throws SQLException {
            super(table, columns);
            copy = connection.getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns)
                    + ") FROM STDIN WITH (FORMAT csv)");
            writer = new Thread(this::drain, "copy-writer-" + table);
            writer.setDaemon(true);
            writer.start();
        }

        private void drain() {
            try {
                while (true) {
                    String chunk = queue.take();
                    if (chunk.isEmpty()) {
                        return;
                    }
                    byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                }
            } catch (Throwable e) {
                failure = e;
                queue.clear();
            }
        }

        @Override
        public void add(Object[] row) throws SQLException {
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
                    appendQuoted(v.toString());
                }
            }
            buffer.append('\n');
            if (buffer.length() >= FLUSH_CHARS) {
                flush();
            }
        }

        private void appendQuoted(String s) {
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

        private void flush() throws SQLException {
            rethrow();
            try {
                queue.put(buffer.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while streaming rows", e);
            }
            buffer.setLength(0);
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
                    queue.put("");
                }
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void finish() throws SQLException {
            if (buffer.length() > 0) {
                flush();
            }
            stopWriter();
            rethrow();
            copy.endCopy();
            done = true;
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
