package io.tanxin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DemoProvinceLoadTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLoadedProvinceHasPlannerStatistics() {
        assertThat(jdbc.sql("SELECT state FROM demo_load WHERE id = 1").query(String.class).single()).isEqualTo("LOADED");
        // what a credit report reads, analyzed once the province is in: the planner does not guess from empty tables
        List<String> analyzed = jdbc.sql("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL")
                .query(String.class).list();
        assertThat(analyzed).contains("enterprise", "calculation_run", "account_data_quality", "intake_activity_month",
                "verification_finding", "rating");
    }
}
