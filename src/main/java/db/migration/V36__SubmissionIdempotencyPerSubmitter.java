package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An intake submission's Idempotency-Key becomes its submitter's own. Looked up across all users, a key
 * another user happened to choose answered with that user's submission (id, row counts, the cells of its
 * errors) or named it in the refusal.
 *
 * <p>Java rather than SQL because V6 declared the key {@code UNIQUE} inline: the constraint's name is the
 * database's choice ({@code submission_idempotency_key_key} on PostgreSQL, a generated one on H2), so it
 * is looked up in the standard information schema, which both databases have.
 */
public class V36__SubmissionIdempotencyPerSubmitter extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> constraints = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("""
                SELECT tc.constraint_name FROM information_schema.table_constraints tc
                JOIN information_schema.key_column_usage k
                  ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
                 AND k.table_name = tc.table_name
                WHERE tc.constraint_type = 'UNIQUE' AND LOWER(tc.table_name) = 'submission'
                  AND LOWER(k.column_name) = 'idempotency_key' AND tc.table_schema = CURRENT_SCHEMA""")) {
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    constraints.add(rs.getString(1));
                }
            }
        }
        if (constraints.size() != 1) {
            throw new IllegalStateException("expected one unique constraint on submission.idempotency_key, found "
                    + constraints);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE submission DROP CONSTRAINT \"" + constraints.get(0) + "\"");
            s.execute("CREATE UNIQUE INDEX submission_idem_idx ON submission (submitted_by, idempotency_key)");
        }
    }
}
