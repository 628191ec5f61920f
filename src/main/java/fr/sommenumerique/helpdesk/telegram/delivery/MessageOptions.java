package fr.sommenumerique.helpdesk.telegram.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.telegram.bot.InlineButton;
import fr.sommenumerique.helpdesk.telegram.bot.InlineKeyboard;
import fr.sommenumerique.helpdesk.telegram.bot.ParseMode;

/** Buttons and parse mode of queued Telegram messages ({@code telegram_message_options}), keyed by outbox id. */
@Component
public class MessageOptions {

    /** What is stored for one outbox message. */
    public record Options(ParseMode parseMode, InlineKeyboard keyboard) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    public MessageOptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the options of a message; nothing is stored for plain text without buttons. */
    void save(long outboxId, ParseMode parseMode, InlineKeyboard keyboard) {
        boolean plain = parseMode == null || parseMode == ParseMode.PLAIN;
        if (plain && (keyboard == null || keyboard.isEmpty())) {
            return;
        }
        jdbc.sql("INSERT INTO telegram_message_options (outbox_id, parse_mode, keyboard) VALUES (?, ?, ?)")
                .params(outboxId, plain ? null : parseMode.name(), toJson(keyboard))
                .update();
    }

    public Optional<Options> find(long outboxId) {
        return jdbc.sql("SELECT parse_mode, keyboard FROM telegram_message_options WHERE outbox_id = ?")
                .params(outboxId)
                .query((rs, n) -> new Options(rs.getString(1) == null ? ParseMode.PLAIN : ParseMode.valueOf(rs.getString(1)),
                        fromJson(rs.getString(2))))
                .optional();
    }

    static String toJson(InlineKeyboard keyboard) {
        if (keyboard == null || keyboard.isEmpty()) {
            return null;
        }
        ArrayNode rows = JSON.createArrayNode();
        for (List<InlineButton> row : keyboard.rows()) {
            ArrayNode buttons = rows.addArray();
            row.forEach(b -> buttons.addObject().put("text", b.text()).put("data", b.callbackData()));
        }
        return rows.toString();
    }

    static InlineKeyboard fromJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            List<List<InlineButton>> rows = new ArrayList<>();
            for (JsonNode row : JSON.readTree(json)) {
                List<InlineButton> buttons = new ArrayList<>();
                row.forEach(b -> buttons.add(InlineButton.of(b.get("text").asText(), b.get("data").asText())));
                rows.add(buttons);
            }
            return new InlineKeyboard(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("telegram_message_options.keyboard is not valid JSON: " + json, e);
        }
    }
}
