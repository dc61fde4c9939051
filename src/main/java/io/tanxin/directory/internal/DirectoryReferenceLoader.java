package io.tanxin.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.tanxin.shared.Csv;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the region and industry tables equal to the bundled GB/T 2260 and GB/T 4754 reference
 * files: rows are added or corrected on start, never deleted, since enterprises refer to them.
 */
@Component
class DirectoryReferenceLoader implements InitializingBean {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DirectoryReferenceLoader(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(status -> {
            for (Map<String, String> r : Csv.read(read("reference/regions.csv"))) {
                upsert("region", r.get("code"), """
                        UPDATE region SET name_zh = ?, name_en = ?, level = ?, parent = ?, grid_region = ? WHERE code = ?""",
                        """
                        INSERT INTO region (name_zh, name_en, level, parent, grid_region, code) VALUES (?, ?, ?, ?, ?, ?)""",
                        r.get("name_zh"), r.get("name_en"), r.get("level"), blankToNull(r.get("parent")),
                        r.get("grid_region"), r.get("code"));
            }
            for (Map<String, String> r : Csv.read(read("reference/industries.csv"))) {
                String ets = blankToNull(r.get("ets_covered_from"));
                upsert("industry", r.get("gbt4754_code"), """
                        UPDATE industry SET name_zh = ?, name_en = ?, methodology = ?, ets_covered_from = ? WHERE code = ?""",
                        """
                        INSERT INTO industry (name_zh, name_en, methodology, ets_covered_from, code) VALUES (?, ?, ?, ?, ?)""",
                        r.get("name_zh"), r.get("name_en"), r.get("methodology"), ets == null ? null : Integer.valueOf(ets),
                        r.get("gbt4754_code"));
            }
        });
    }

    private void upsert(String table, String code, String update, String insert, Object... params) {
        if (jdbc.sql(update).params(params).update() == 0) {
            jdbc.sql(insert).params(params).update();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("missing bundled reference file " + path, e);
        }
    }
}
