package fr.sommenumerique.helpdesk.telegram.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Updates of a chat set aside by the flood limit and not replayed yet ({@code telegram_set_aside}). The list lives in
 * the database, written in the transaction that records the update as set aside: after a restart, what was waiting
 * is still waiting, in update order.
 */
@Component
class SetAsideUpdates {

    /** One set-aside update: the quarantine item holding it raw. */
    record Pending(long quarantineId, long chatId, long updateId) {
    }

    private final JdbcClient jdbc;

    SetAsideUpdates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long quarantineId, long chatId, long updateId, Instant at) {
        jdbc.sql("INSERT INTO telegram_set_aside (quarantine_id, chat_id, update_id, set_aside_at) VALUES (?, ?, ?, ?)")
                .params(quarantineId, chatId, updateId, ChatStates.ts(at)).update();
    }

    boolean hasPending(long chatId) {
        return jdbc.sql("SELECT COUNT(*) FROM telegram_set_aside WHERE chat_id = ? AND replayed_at IS NULL")
                .params(chatId).query(Long.class).single() > 0;
    }

    /** The chat's updates waiting to be replayed, in update order. */
    List<Pending> pending(long chatId) {
        return jdbc.sql("""
                        SELECT quarantine_id, chat_id, update_id FROM telegram_set_aside
                        WHERE chat_id = ? AND replayed_at IS NULL ORDER BY update_id, quarantine_id""")
                .params(chatId)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** Chats with updates waiting. */
    List<Long> chatsWithPending() {
        return jdbc.sql("SELECT DISTINCT chat_id FROM telegram_set_aside WHERE replayed_at IS NULL")
                .query(Long.class).list();
    }

    /** When the chat's latest waiting update was set aside: its burst is over a quiet period after that. */
    Optional<Instant> lastSetAside(long chatId) {
        return jdbc.sql("SELECT MAX(set_aside_at) AS latest FROM telegram_set_aside WHERE chat_id = ? AND replayed_at IS NULL")
                .params(chatId).query((rs, n) -> ChatStates.instant(rs, "latest")).optional();
    }

    void markReplayed(long quarantineId, Instant at) {
        jdbc.sql("UPDATE telegram_set_aside SET replayed_at = ? WHERE quarantine_id = ?")
                .params(ChatStates.ts(at), quarantineId).update();
    }
}
