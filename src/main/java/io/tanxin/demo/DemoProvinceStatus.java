package io.tanxin.demo;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Whether the synthetic demo province is loaded in this database. */
@Service
public class DemoProvinceStatus {

    public static final String NOTICE_ZH = "本平台当前数据为合成的演示省份数据，不代表任何真实企业，仅供演示与测试。";
    public static final String NOTICE_EN = "The data shown is a synthetic demo province, not real enterprises; for demonstration and testing only.";

    private final JdbcClient jdbc;
    // absence is cached too: the API asks on every request, and only the loader changes the answer
    private volatile Optional<DemoProvince> cached;

    DemoProvinceStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DemoProvince> current() {
        Optional<DemoProvince> c = cached;
        if (c != null) {
            return c;
        }
        Optional<DemoProvince> loaded = jdbc.sql("SELECT seed, enterprises, loaded_at FROM demo_load WHERE id = 1 AND state = 'LOADED'")
                .query((rs, i) -> new DemoProvince(true, NOTICE_ZH, NOTICE_EN, rs.getLong(1), rs.getLong(2),
                        accountedMonths(), rs.getObject(3, OffsetDateTime.class)))
                .optional();
        cached = loaded;
        return loaded;
    }

    void forget() {
        cached = null;
    }

    private long accountedMonths() {
        return jdbc.sql("SELECT COUNT(DISTINCT uscc || period) FROM calculation_run WHERE status = 'COMPUTED'")
                .query(Long.class).single();
    }
}
