package fr.sommenumerique.helpdesk.telegram.delivery;

import fr.sommenumerique.helpdesk.telegram.bot.InlineKeyboard;
import fr.sommenumerique.helpdesk.telegram.bot.ParseMode;

/**
 * A message the bot composes for a chat, before it is queued.
 *
 * @param text      plain text, or MarkdownV2 whose ordinary text went through {@code TelegramMarkdown.escape}
 * @param parseMode how Telegram reads the text
 * @param keyboard  buttons under the message, or null
 */
public record BotMessage(String text, ParseMode parseMode, InlineKeyboard keyboard) {

    public BotMessage {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("bot message text must not be blank");
        }
        parseMode = parseMode == null ? ParseMode.PLAIN : parseMode;
        keyboard = keyboard == null || keyboard.isEmpty() ? null : keyboard;
    }

    public static BotMessage plain(String text) {
        return new BotMessage(text, ParseMode.PLAIN, null);
    }

    public static BotMessage markdown(String markdownV2) {
        return new BotMessage(markdownV2, ParseMode.MARKDOWN_V2, null);
    }

    public BotMessage withKeyboard(InlineKeyboard newKeyboard) {
        return new BotMessage(text, parseMode, newKeyboard);
    }
}
