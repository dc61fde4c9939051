package io.tanxin.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tanxin.identity.Actor;
import io.tanxin.identity.NewUser;
import io.tanxin.identity.OrganisationKind;
import io.tanxin.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    public void insert(NewUser user, String passwordHash) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, organisation_kind, organisation_code, synthetic)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(user.username(), passwordHash, user.displayName(), user.organisationKind().name(),
                        user.organisationCode(), user.synthetic())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (Role role : user.roles()) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
        }
    }

    public Optional<StoredUser> findByUsername(String username) {
        return jdbc.sql("SELECT id, username, password_hash, display_name, organisation_kind, organisation_code, enabled "
                + "FROM app_user WHERE username = ?").param(username)
                .query(Users::storedUser).optional().map(this::withRoles);
    }

    /** The user holding a valid (unrevoked, unexpired) token with this hash, and when the token expires. */
    public Optional<TokenHolder> findByTokenHash(String tokenHash) {
        // the user and its roles come in one query (a row per role)
        List<StoredUser> rows = new java.util.ArrayList<>();
        Instant[] expiresAt = new Instant[1];
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("""
                SELECT u.id, u.username, u.password_hash, u.display_name, u.organisation_kind, u.organisation_code, u.enabled,
                       r.role, t.expires_at
                FROM api_token t JOIN app_user u ON u.id = t.user_id LEFT JOIN user_role r ON r.user_id = u.id
                WHERE t.token_hash = ? AND t.revoked = FALSE AND (t.expires_at IS NULL OR t.expires_at > CURRENT_TIMESTAMP)""")
                .param(tokenHash).query(rs -> {
                    if (rows.isEmpty()) {
                        rows.add(storedUser(rs, 0));
                        Timestamp expires = rs.getTimestamp("expires_at");
                        expiresAt[0] = expires == null ? null : expires.toInstant();
                    }
                    String role = rs.getString("role");
                    if (role != null) {
                        roles.add(Role.valueOf(role));
                    }
                });
        return rows.stream().findFirst().map(u -> new TokenHolder(withRoles(u, roles), expiresAt[0]));
    }

    /** {@code expiresAt}: null if the token never expires. */
    public record TokenHolder(StoredUser user, Instant expiresAt) {
    }

    public Optional<Actor> findActor(String username) {
        return findByUsername(username).map(StoredUser::actor);
    }

    public List<Actor> listActors() {
        return jdbc.sql("SELECT id, username, password_hash, display_name, organisation_kind, organisation_code, enabled "
                + "FROM app_user ORDER BY username").query(Users::storedUser).list().stream().map(this::withRoles)
                .map(StoredUser::actor).toList();
    }

    public long insertToken(String username, String name, String tokenHash, OffsetDateTime expiresAt) {
        long userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, expires_at) VALUES (?, ?, ?, ?)")
                .params(userId, name, tokenHash, expiresAt).update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Maps the user row only; roles are read by {@link #withRoles} after the row query has closed,
     * so a request never holds two pooled connections at once (a query inside a row mapper would,
     * and under load the pool deadlocks).
     */
    private static StoredUser storedUser(ResultSet rs, int row) throws SQLException {
        return new StoredUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getBoolean("enabled"), new Actor(rs.getString("username"), rs.getString("display_name"), Set.of(),
                        OrganisationKind.valueOf(rs.getString("organisation_kind")), rs.getString("organisation_code")));
    }

    private StoredUser withRoles(StoredUser u) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM user_role WHERE user_id = ?").param(u.id()).query(String.class).list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        return withRoles(u, roles);
    }

    private static StoredUser withRoles(StoredUser u, Set<Role> roles) {
        Actor a = u.actor();
        return new StoredUser(u.id(), u.username(), u.passwordHash(), u.enabled(),
                new Actor(a.username(), a.displayName(), roles, a.organisationKind(), a.organisationCode()));
    }

    public record StoredUser(long id, String username, String passwordHash, boolean enabled, Actor actor) {
    }
}
