package fr.sommenumerique.helpdesk.web.account;

import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens for scripts: {@code Authorization: Bearer hd_…}. A token is 32 random bytes; only its SHA-256
 * is stored (a slow hash adds nothing for secrets of that entropy), so a lost token cannot be shown again, only
 * revoked. Tokens of a disabled account stop working with it.
 */
@Service
@Transactional
public class ApiTokens {

    public static final String PREFIX = "hd_";
    private static final int SHOWN_PREFIX_LENGTH = 10;

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(JdbcClient jdbc, StaffAccounts accounts, AuditLog audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** @param validity null for a token that does not expire */
    public IssuedApiToken issue(String username, String name, Duration validity) {
        StaffUser user = accounts.require(username);
        String label = name == null || name.isBlank() ? null : name.strip();
        if (label == null || label.length() > 100) {
            throw new IllegalArgumentException("Donnez un nom au jeton (100 caractères au plus), par exemple « script d'export ».");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO api_tokens (staff_user_id, name, token_hash, token_prefix, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(user.id(), label, hash(secret), secret.substring(0, SHOWN_PREFIX_LENGTH), Timestamp.from(now),
                        validity == null ? null : Timestamp.from(now.plus(validity)))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(username, StaffAccounts.AUDIT_ENTITY, user.username(), "token.created", "Jeton d'API « " + label + " » créé");
        return new IssuedApiToken(byId(id).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(String username) {
        StaffUser user = accounts.require(username);
        return jdbc.sql("SELECT * FROM api_tokens WHERE staff_user_id = ? ORDER BY created_at DESC, id DESC")
                .params(user.id()).query(ApiTokens::map).list();
    }

    /** Revokes one of the owner's tokens. */
    public void revoke(String username, long tokenId) {
        StaffUser user = accounts.require(username);
        ApiToken token = byId(tokenId).filter(t -> t.staffUserId() == user.id())
                .orElseThrow(() -> new NotFoundException("Jeton introuvable"));
        if (token.revokedAt() == null) {
            jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), tokenId).update();
            audit.record(username, StaffAccounts.AUDIT_ENTITY, user.username(), "token.revoked",
                    "Jeton d'API « " + token.name() + " » révoqué");
        }
    }

    /** The enabled account owning this usable token, and records its use. */
    public Optional<StaffUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> token = jdbc.sql("SELECT * FROM api_tokens WHERE token_hash = ?").params(hash(secret))
                .query(ApiTokens::map).optional().filter(t -> t.usable(now));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<StaffUser> user = jdbcUser(token.get().staffUserId()).filter(StaffUser::enabled);
        user.ifPresent(u -> jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")
                .params(Timestamp.from(now), token.get().id()).update());
        return user;
    }

    private Optional<StaffUser> jdbcUser(long id) {
        return jdbc.sql("SELECT username FROM staff_users WHERE id = ?").params(id).query(String.class).optional()
                .flatMap(accounts::find);
    }

    private Optional<ApiToken> byId(long id) {
        return jdbc.sql("SELECT * FROM api_tokens WHERE id = ?").params(id).query(ApiTokens::map).optional();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static ApiToken map(ResultSet rs, int rowNum) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getLong("staff_user_id"), rs.getString("name"),
                rs.getString("token_prefix"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }
}
