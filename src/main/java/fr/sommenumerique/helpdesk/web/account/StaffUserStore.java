package fr.sommenumerique.helpdesk.web.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code staff_users} table (migration V10). */
@Repository
public class StaffUserStore {

    private final JdbcClient jdbc;

    public StaffUserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_users").query(Long.class).single();
    }

    public long countEnabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_users WHERE role = 'ADMIN' AND enabled").query(Long.class).single();
    }

    public Optional<StaffUser> byUsername(String username) {
        return jdbc.sql("SELECT * FROM staff_users WHERE username = ?").params(username)
                .query(StaffUserStore::map).optional();
    }

    public Optional<StaffUser> byId(long id) {
        return jdbc.sql("SELECT * FROM staff_users WHERE id = ?").params(id).query(StaffUserStore::map).optional();
    }

    /** The stored hash, for authentication only. */
    public Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM staff_users WHERE username = ?").params(username)
                .query(String.class).optional();
    }

    public List<StaffUser> all() {
        return jdbc.sql("SELECT * FROM staff_users ORDER BY enabled DESC, display_name, username").query(StaffUserStore::map).list();
    }

    public long insert(String username, String displayName, String email, StaffRole role, String passwordHash,
                       boolean mustChangePassword, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO staff_users (username, display_name, email, password_hash, role, enabled,
                            must_change_password, created_at, password_changed_at)
                        VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?)""")
                .params(username, displayName, email, passwordHash, role.name(), mustChangePassword, ts(now), ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updatePassword(long id, String passwordHash, boolean mustChange, Instant now) {
        jdbc.sql("UPDATE staff_users SET password_hash = ?, must_change_password = ?, password_changed_at = ? WHERE id = ?")
                .params(passwordHash, mustChange, ts(now), id).update();
    }

    public void updateProfile(long id, String displayName, String email, StaffRole role) {
        jdbc.sql("UPDATE staff_users SET display_name = ?, email = ?, role = ? WHERE id = ?")
                .params(displayName, email, role.name(), id).update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE staff_users SET enabled = ? WHERE id = ?").params(enabled, id).update();
    }

    public void touchLogin(String username, Instant now) {
        jdbc.sql("UPDATE staff_users SET last_login_at = ? WHERE username = ?").params(ts(now), username).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static StaffUser map(ResultSet rs, int rowNum) throws SQLException {
        return new StaffUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), StaffRole.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), instant(rs, "created_at"), instant(rs, "password_changed_at"),
                instant(rs, "last_login_at"));
    }
}
