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

    static final class CopySink extends RowSink {

        private static final int FLUSH_CHARS = 1 << 16;
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);
        private boolean done;

        CopySink(PGConnection connection, String table, List<String> columns) throws SQLException {
            super(table, columns);
            copy = connection.getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns)
                    + ") FROM STDIN WITH (FORMAT csv)");
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
                String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
                if (v instanceof Number || v instanceof Boolean || v instanceof LocalDate) {
                    buffer.append(s);
                } else {
                    buffer.append('"').append(s.replace("\"", "\"\"")).append('"');
                }
            }
            buffer.append('\n');
            if (buffer.length() >= FLUSH_CHARS) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        public void finish() throws SQLException {
            flush();
            copy.endCopy();
            done = true;
        }

        @Override
        public void close() throws SQLException {
            if (!done && copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

}
