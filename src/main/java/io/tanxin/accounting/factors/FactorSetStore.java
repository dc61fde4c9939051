package io.tanxin.accounting.factors;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Factor sets are insert-only: there is no UPDATE or DELETE of a factor anywhere in Tanxin. */
@Repository
class FactorSetStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    FactorSetStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<FactorSetInfo> latestPublished(String code) {
        return list().stream().filter(s -> s.code().equals(code) && "PUBLISHED".equals(s.status()))
                .reduce((a, b) -> b.version() > a.version() ? b : a);
    }

    Optional<FactorSetInfo> find(String code, int version) {
        return list().stream().filter(s -> s.code().equals(code) && s.version() == version).findFirst();
    }

    List<FactorSetInfo> list() {
        return jdbc.sql("""
                SELECT s.id, s.code, s.version, s.status, s.description, s.content_hash, s.published_at,
                       (SELECT COUNT(*) FROM factor f WHERE f.factor_set_id = s.id)
                FROM factor_set s ORDER BY s.code, s.version""")
                .query((rs, i) -> new FactorSetInfo(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class), rs.getLong(8)))
                .list();
    }

    long insert(String code, int version, String description, String contentHash, List<FactorRow> rows) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO factor_set (code, version, status, description, content_hash) VALUES (?, ?, 'PUBLISHED', ?, ?)")
                .params(code, version, description, contentHash).update(keys, "id");
        long id = keys.getKey().longValue();
        template.batchUpdate("""
                INSERT INTO factor (factor_set_id, category, code, name_zh, name_en, region, data_year, industry, basis,
                    factor_value, unit, activity_unit, ncv, carbon_content, oxidation_rate, source, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows.stream().map(r -> new Object[] {id, r.category(), r.code(), r.nameZh(), r.nameEn(), r.region(),
                        r.dataYear(), r.industry(), r.basis(), r.value(), r.unit(), r.activityUnit(), r.ncv(),
                        r.carbonContent(), r.oxidationRate(), r.source(), r.status()}).toList(),
                new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                        java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.INTEGER, java.sql.Types.VARCHAR,
                        java.sql.Types.VARCHAR, java.sql.Types.NUMERIC, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                        java.sql.Types.NUMERIC, java.sql.Types.NUMERIC, java.sql.Types.NUMERIC, java.sql.Types.VARCHAR,
                        java.sql.Types.VARCHAR});
        return id;
    }

    List<FactorRow> rows(long factorSetId) {
        return jdbc.sql("""
                SELECT category, code, name_zh, name_en, region, data_year, industry, basis, factor_value, unit, activity_unit,
                       ncv, carbon_content, oxidation_rate, source, status
                FROM factor WHERE factor_set_id = ? ORDER BY category, code, region, data_year""")
                .param(factorSetId)
                .query((rs, i) -> new FactorRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), rs.getString(8),
                        strip(rs.getBigDecimal(9)), rs.getString(10), rs.getString(11), strip(rs.getBigDecimal(12)),
                        strip(rs.getBigDecimal(13)), strip(rs.getBigDecimal(14)), rs.getString(15), rs.getString(16)))
                .list();
    }

    /** NUMERIC(20,8) pads with zeros; factors are shown and hashed as published. */
    private static java.math.BigDecimal strip(java.math.BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }
}
