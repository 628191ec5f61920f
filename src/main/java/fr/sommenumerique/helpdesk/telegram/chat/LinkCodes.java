package fr.sommenumerique.helpdesk.telegram.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.ticketing.ProcessedInbound;

/**
 * One-time /lier codes ({@code telegram_link_codes}): six random digits, of which only a salted SHA-256 is stored;
 * a code is PENDING until used, expired, blocked after too many wrong tries, or replaced by a newer one.
 */
@Component
class LinkCodes {

    enum Status { PENDING, USED, EXPIRED, BLOCKED, REPLACED }

    record LinkCode(long id, long chatId, String email, String salt, String hash, int attempts, Status status,
                    Instant createdAt, Instant expiresAt) {

        boolean matches(String code) {
            return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                    LinkCodes.hash(salt, code).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A new code: the clear digits (to send once) and the stored row. */
    record Issued(String code, LinkCode row) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    LinkCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Codes the chat asked for since that instant, whatever became of them. */
    long issuedSince(long chatId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM telegram_link_codes WHERE chat_id = ? AND created_at >= ?")
                .params(chatId, ChatStates.ts(since)).query(Long.class).single();
    }

    /** A new code for the chat; its earlier pending codes stop working. */
    Issued issue(long chatId, String email, Instant now, Instant expiresAt) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        return new Issued(code, store(chatId, email, code, now, expiresAt));
    }

    private LinkCode store(long chatId, String email, String code, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE telegram_link_codes SET status = 'REPLACED' WHERE chat_id = ? AND status = 'PENDING'")
                .params(chatId).update();
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO telegram_link_codes (chat_id, email, salt, code_hash, attempts, status, created_at, expires_at)
                        VALUES (?, ?, ?, ?, 0, 'PENDING', ?, ?)""")
                .params(chatId, email, salt, hash(salt, code), ChatStates.ts(now), ChatStates.ts(expiresAt))
                .update(keys, "id");
        return byId(keys.getKey().longValue()).orElseThrow();
    }

    /**
     * A code row for an address that belongs to no contact: nothing is sent, but the chat's flow (quota, tries,
     * expiry) goes on exactly as for a real code, so the bot does not reveal which addresses are known. Its hash is
     * that of a 256-bit secret thrown away at once: no six-digit code can ever match it.
     */
    LinkCode issueUnsendable(long chatId, String email, Instant now, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return store(chatId, email, HexFormat.of().formatHex(secret), now, expiresAt);
    }

    Optional<LinkCode> latestPending(long chatId) {
        return jdbc.sql("SELECT * FROM telegram_link_codes WHERE chat_id = ? AND status = 'PENDING' ORDER BY id DESC LIMIT 1")
                .params(chatId).query(LinkCodes::map).optional();
    }

    /** Counts a wrong try; returns the tries so far. */
    int wrongAttempt(long id) {
        jdbc.sql("UPDATE telegram_link_codes SET attempts = attempts + 1 WHERE id = ?").params(id).update();
        return byId(id).orElseThrow().attempts();
    }

    void finish(long id, Status status, Instant at) {
        jdbc.sql("UPDATE telegram_link_codes SET status = ?, used_at = ? WHERE id = ?")
                .params(status.name(), status == Status.USED ? ChatStates.ts(at) : null, id).update();
    }

    private Optional<LinkCode> byId(long id) {
        return jdbc.sql("SELECT * FROM telegram_link_codes WHERE id = ?").params(id).query(LinkCodes::map).optional();
    }

    static String hash(String salt, String code) {
        return ProcessedInbound.sha256(salt + ":" + code);
    }

    private static LinkCode map(ResultSet rs, int row) throws SQLException {
        return new LinkCode(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("email"), rs.getString("salt"),
                rs.getString("code_hash"), rs.getInt("attempts"), Status.valueOf(rs.getString("status")),
                ChatStates.instant(rs, "created_at"), ChatStates.instant(rs, "expires_at"));
    }
}
