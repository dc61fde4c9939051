package io.tanxin.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Which database the platform runs on, asked once at start: PostgreSQL in production, H2 for the
 * embedded default. Intake uses what only PostgreSQL has (a weaker row lock, sha256() in SQL, BRIN
 * summaries); credit reports reuse their content only where PostgreSQL keeps content versions.
 */
@Component
public class Database {

    private final boolean postgres;

    Database(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    public boolean postgres() {
        return postgres;
    }

    /** The ids a JDBC batch insert generated (one key column asked for), in the batch's order. */
    public static List<Long> generatedIds(KeyHolder keys) {
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> row : keys.getKeyList()) {
            ids.add(((Number) row.values().iterator().next()).longValue());
        }
        return ids;
    }
}
