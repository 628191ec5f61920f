package fr.sommenumerique.helpdesk.ticketing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/**
 * Exactly-once handling of inbound messages. Call {@link #markProcessed} in the same transaction as the effects of
 * the message, preferably first: the unique (channel, key) row then makes a concurrent duplicate wait and fail,
 * and a redelivered message is refused with {@link AlreadyProcessedException}, rolling back its effects.
 */
@Service
public class ProcessedInbound {

    private static final int MAX_KEY = 1000;

    private final JdbcClient jdbc;
    private final TicketingClock clock;

    public ProcessedInbound(JdbcClient jdbc, TicketingClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** SHA-256 in hex, for {@code contentHash} or as a key when a message has no id. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String content) {
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    @Transactional(readOnly = true)
    public boolean isProcessed(Channel channel, String dedupeKey) {
        return find(channel, dedupeKey).isPresent();
    }

    @Transactional(readOnly = true)
    public Optional<InboundRecord> find(Channel channel, String dedupeKey) {
        return jdbc.sql("SELECT * FROM processed_inbound WHERE channel = ? AND dedupe_key = ?")
                .params(channel.name(), key(dedupeKey)).query(ProcessedInbound::map).optional();
    }

    /**
     * Records the message as handled. Must run inside the caller's transaction.
     *
     * @throws AlreadyProcessedException when (channel, key) is already recorded
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public InboundRecord markProcessed(Channel channel, String dedupeKey, String messageId, String contentHash,
                                       Long ticketId, String outcome) {
        String key = key(dedupeKey);
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS); // as stored
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            INSERT INTO processed_inbound (channel, dedupe_key, message_id, content_hash, ticket_id, outcome, processed_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(channel.name(), key, TextKeys.truncate(messageId, 998), TextKeys.truncate(contentHash, 128),
                            ticketId, TextKeys.truncate(outcome, 200), Db.ts(now))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new AlreadyProcessedException(channel, dedupeKey, e);
        }
        // built from what was written: one statement less per inbound message
        return new InboundRecord(keys.getKey().longValue(), channel, key, TextKeys.truncate(messageId, 998),
                TextKeys.truncate(contentHash, 128), ticketId, TextKeys.truncate(outcome, 200), now);
    }

    /** Completes the record once the ticket and outcome are known (same transaction as the effects). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updateOutcome(Channel channel, String dedupeKey, Long ticketId, String outcome) {
        jdbc.sql("UPDATE processed_inbound SET ticket_id = ?, outcome = ? WHERE channel = ? AND dedupe_key = ?")
                .params(ticketId, TextKeys.truncate(outcome, 200), channel.name(), key(dedupeKey)).update();
    }

    /** Keys longer than the column are replaced by their hash. */
    private static String key(String dedupeKey) {
        String k = TextKeys.blankToNull(dedupeKey);
        if (k == null) {
            throw new IllegalArgumentException("Clé de dédoublonnage manquante");
        }
        return k.length() <= MAX_KEY ? k : "sha256:" + sha256(k);
    }

    private static InboundRecord map(ResultSet rs, int rowNum) throws SQLException {
        return new InboundRecord(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("dedupe_key"),
                rs.getString("message_id"), rs.getString("content_hash"), Db.nullableLong(rs, "ticket_id"),
                rs.getString("outcome"), Db.instant(rs, "processed_at"));
    }
}
