package io.tanxin.evidence.internal;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connections of the sequencing round's own: a pool of two beside the application's. Under load
 * every request thread holds or waits for one of the application's connections, and a round that
 * queued behind them (once for its transaction, once for its checkpoint) kept every report it would
 * seal waiting too. Its own pool lets a round start the moment the previous one ends. Not a
 * {@link DataSource} bean, so that Spring Boot's own data source and its configuration stand as they are.
 */
@Component
class SequencingConnections implements DisposableBean {

    private final HikariDataSource own;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    SequencingConnections(DataSource application) {
        this.own = application instanceof HikariDataSource hikari && sharable(hikari.getJdbcUrl())
                ? new HikariDataSource(configLike(hikari)) : null;
        DataSource used = own != null ? own : application;
        this.jdbc = new JdbcTemplate(used);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(used));
    }

    /** Statements outside a transaction (each commits by itself), or inside {@link #transaction()}'s. */
    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Transactions on these connections, independent of any transaction of the application's. */
    TransactionTemplate transaction() {
        return transaction;
    }

    @Override
    public void destroy() {
        if (own != null) {
            own.close();
        }
    }

    // an unnamed in-memory H2 database is a different database on every connection
    private static boolean sharable(String url) {
        return url != null && !url.startsWith("jdbc:h2:mem:");
    }

    private static HikariConfig configLike(HikariDataSource application) {
        // everything Boot configured (URL, credentials, driver, properties, init SQL, metrics), then the pool's own size
        HikariConfig config = new HikariConfig();
        application.copyStateTo(config);
        config.setPoolName("evidence-sequencing");
        // one round at a time in this JVM, plus the periodic checkpoint
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        // connect lazily: a database that comes up after the application is met as the application's pool meets it
        config.setInitializationFailTimeout(-1);
        return config;
    }
}
