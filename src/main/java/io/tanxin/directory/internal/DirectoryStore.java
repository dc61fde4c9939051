package io.tanxin.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tanxin.directory.Enterprise;
import io.tanxin.directory.EnterpriseDetails;
import io.tanxin.directory.EnterpriseQuery;
import io.tanxin.directory.Industry;
import io.tanxin.directory.Institution;
import io.tanxin.directory.InstitutionType;
import io.tanxin.directory.Park;
import io.tanxin.directory.Region;
import io.tanxin.directory.SizeClass;
import io.tanxin.directory.TransitionStage;
import io.tanxin.shared.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the directory's tables. */
@Repository
public class DirectoryStore {

    private static final String ENTERPRISE_COLUMNS = "uscc, name_zh, name_en, region_code, industry_code, size_class, "
            + "transition_stage, park_code, synthetic, created_at, updated_at, version";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DirectoryStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<Enterprise> enterprise(String uscc) {
        return jdbc.sql("SELECT " + ENTERPRISE_COLUMNS + " FROM enterprise WHERE uscc = ?").param(uscc)
                .query(DirectoryStore::enterprise).optional();
    }

    /** The enterprises among {@code usccs} that exist, in one query. */
    public List<Enterprise> enterprises(java.util.Collection<String> usccs) {
        if (usccs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + ENTERPRISE_COLUMNS + " FROM enterprise WHERE uscc IN (:usccs)")
                .param("usccs", List.copyOf(usccs)).query(DirectoryStore::enterprise).list();
    }

    public void insert(String uscc, EnterpriseDetails d, boolean synthetic) {
        jdbc.sql("INSERT INTO enterprise (uscc, name_zh, name_en, region_code, industry_code, size_class, "
                + "transition_stage, park_code, synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(uscc, d.nameZh(), d.nameEn(), d.regionCode(), d.industryCode(), d.sizeClass().name(),
                        d.transitionStage().name(), d.parkCode(), synthetic)
                .update();
    }

    /** Optimistic: the update applies only to the version the caller read. */
    public boolean update(String uscc, EnterpriseDetails d, Integer expectedVersion) {
        List<Object> params = new ArrayList<>(List.of(d.nameZh(), d.regionCode(), d.industryCode(),
                d.sizeClass().name(), d.transitionStage().name(), OffsetDateTime.now(), uscc));
        params.add(1, d.nameEn());
        params.add(6, d.parkCode());
        String sql = "UPDATE enterprise SET name_zh = ?, name_en = ?, region_code = ?, industry_code = ?, "
                + "size_class = ?, transition_stage = ?, park_code = ?, updated_at = ?, version = version + 1 "
                + "WHERE uscc = ?";
        if (expectedVersion != null) {
            sql += " AND version = ?";
            params.add(expectedVersion);
        }
        return jdbc.sql(sql).params(params).update() == 1;
    }

    /** Registers many enterprises in one JDBC batch (demo load and bulk imports). */
    public void insertAll(List<Enterprise> enterprises) {
        batch.batchUpdate("INSERT INTO enterprise (uscc, name_zh, name_en, region_code, industry_code, size_class, "
                + "transition_stage, park_code, synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", enterprises, 500,
                (ps, e) -> {
                    ps.setString(1, e.uscc());
                    ps.setString(2, e.nameZh());
                    ps.setString(3, e.nameEn());
                    ps.setString(4, e.regionCode());
                    ps.setString(5, e.industryCode());
                    ps.setString(6, e.sizeClass().name());
                    ps.setString(7, e.transitionStage().name());
                    ps.setString(8, e.parkCode());
                    ps.setBoolean(9, e.synthetic());
                });
    }

    public Page<Enterprise> search(EnterpriseQuery q, String onlyUscc) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (onlyUscc != null) {
            where.append(" AND uscc = ?");
            params.add(onlyUscc);
        }
        if (q.name() != null && !q.name().isBlank()) {
            where.append(" AND (LOWER(name_zh) LIKE ? ESCAPE '\\' OR LOWER(name_en) LIKE ? ESCAPE '\\' OR uscc = ?)");
            String like = "%" + escapeLike(q.name().trim().toLowerCase(Locale.ROOT)) + "%";
            params.add(like);
            params.add(like);
            params.add(q.name().trim().toUpperCase(Locale.ROOT));
        }
        if (q.region() != null && !q.region().isBlank()) {
            where.append(" AND region_code LIKE ?");
            params.add(regionPrefix(q.region().trim()) + "%");
        }
        if (q.industry() != null && !q.industry().isBlank()) {
            where.append(" AND industry_code LIKE ?");
            params.add(q.industry().trim() + "%");
        }
        if (q.park() != null && !q.park().isBlank()) {
            where.append(" AND park_code = ?");
            params.add(q.park().trim());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM enterprise" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(q.size());
        pageParams.add((long) q.page() * q.size());
        List<Enterprise> items = jdbc.sql("SELECT " + ENTERPRISE_COLUMNS + " FROM enterprise" + where
                + " ORDER BY name_zh, uscc LIMIT ? OFFSET ?").params(pageParams).query(DirectoryStore::enterprise).list();
        return new Page<>(items, total, q.page(), q.size());
    }

    /** 140000 → "14", 140400 → "1404", 140402 → "140402": a division contains the codes it prefixes. */
    static String regionPrefix(String code) {
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public List<Region> regions() {
        return jdbc.sql("SELECT code, name_zh, name_en, level, parent, grid_region FROM region ORDER BY code")
                .query((rs, i) -> new Region(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    public List<Industry> industries() {
        return jdbc.sql("SELECT code, name_zh, name_en, methodology, ets_covered_from FROM industry ORDER BY code")
                .query((rs, i) -> new Industry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5))).list();
    }

    public List<Park> parks() {
        return jdbc.sql("SELECT code, name_zh, name_en, region_code, synthetic FROM park ORDER BY code")
                .query((rs, i) -> new Park(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5))).list();
    }

    public Optional<Park> park(String code) {
        return parks().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public void insertPark(Park p) {
        jdbc.sql("INSERT INTO park (code, name_zh, name_en, region_code, synthetic) VALUES (?, ?, ?, ?, ?)")
                .params(p.code(), p.nameZh(), p.nameEn(), p.regionCode(), p.synthetic()).update();
    }

    public List<Institution> institutions() {
        return jdbc.sql("SELECT code, name_zh, name_en, type, region_code, synthetic FROM institution ORDER BY code")
                .query((rs, i) -> new Institution(rs.getString(1), rs.getString(2), rs.getString(3),
                        InstitutionType.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6))).list();
    }

    public void insertInstitution(Institution inst) {
        jdbc.sql("INSERT INTO institution (code, name_zh, name_en, type, region_code, synthetic) VALUES (?, ?, ?, ?, ?, ?)")
                .params(inst.code(), inst.nameZh(), inst.nameEn(), inst.type().name(), inst.regionCode(), inst.synthetic())
                .update();
    }

    public List<Enterprise> allEnterprises() {
        return jdbc.sql("SELECT " + ENTERPRISE_COLUMNS + " FROM enterprise ORDER BY uscc").query(DirectoryStore::enterprise)
                .list();
    }

    public java.util.Set<String> allUscc() {
        return new java.util.HashSet<>(jdbc.sql("SELECT uscc FROM enterprise").query(String.class).list());
    }

    public long countEnterprises() {
        return jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single();
    }

    private static Enterprise enterprise(ResultSet rs, int row) throws SQLException {
        return new Enterprise(rs.getString("uscc"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("region_code"), rs.getString("industry_code"), SizeClass.valueOf(rs.getString("size_class")),
                TransitionStage.valueOf(rs.getString("transition_stage")), rs.getString("park_code"),
                rs.getBoolean("synthetic"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"));
    }
}
