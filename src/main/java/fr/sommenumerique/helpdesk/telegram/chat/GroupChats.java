package fr.sommenumerique.helpdesk.telegram.chat;

import java.time.Instant;

import fr.sommenumerique.helpdesk.knowledge.TextCut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Group chats the bot was written to in ({@code telegram_group_chats}), so that each is told only once. */
@Component
class GroupChats {

    private final JdbcClient jdbc;

    GroupChats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the group; true the first time it is seen. */
    boolean firstSeen(long chatId, String type, String title, Instant now) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM telegram_group_chats WHERE chat_id = ?").params(chatId)
                .query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        jdbc.sql("INSERT INTO telegram_group_chats (chat_id, chat_type, title, first_seen_at) VALUES (?, ?, ?, ?)")
                .params(chatId, type == null ? "group" : type, TextCut.cut(title, 300), ChatStates.ts(now))
                .update();
        return true;
    }
}
