package fr.sommenumerique.helpdesk.telegram.delivery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many parts of a long outbox message Telegram already accepted ({@code telegram_parts_sent}). Each write
 * commits on its own, right after the part was sent: a restart then resumes after it (only a crash between
 * Telegram's answer and this write can send one part twice).
 */
@Component
public class SentParts {

    private final JdbcClient jdbc;

    public SentParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Parts already sent; 0 when none. */
    public int of(long outboxId) {
        return jdbc.sql("SELECT parts_sent FROM telegram_parts_sent WHERE outbox_id = ?").params(outboxId)
                .query(Integer.class).optional().orElse(0);
    }

    void record(long outboxId, int partsSent) {
        // update, else insert (portable); the message is claimed by this sender alone while its parts go out
        if (jdbc.sql("UPDATE telegram_parts_sent SET parts_sent = ? WHERE outbox_id = ?").params(partsSent, outboxId)
                .update() == 0) {
            jdbc.sql("INSERT INTO telegram_parts_sent (outbox_id, parts_sent) VALUES (?, ?)").params(outboxId, partsSent)
                    .update();
        }
    }

    /** The message is done (sent, or failed for good: a staff retry starts again from the first part). */
    void forget(long outboxId) {
        jdbc.sql("DELETE FROM telegram_parts_sent WHERE outbox_id = ?").params(outboxId).update();
    }
}
