package fr.sommenumerique.helpdesk.telegram.bot;

/**
 * What a bot message shows: text, how to parse it, optional buttons.
 *
 * @param text      1 to 4096 characters after entity parsing (Bot API limit, checked by Telegram)
 * @param parseMode plain or MarkdownV2 (then ordinary text must be {@link TelegramMarkdown#escape escaped})
 * @param keyboard  buttons under the message, or null
 */
public record MessageContent(String text, ParseMode parseMode, InlineKeyboard keyboard) {

    public static final int MAX_TEXT_LENGTH = 4096;

    public MessageContent {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("message text must not be blank");
        }
        parseMode = parseMode == null ? ParseMode.PLAIN : parseMode;
    }

    public static MessageContent plain(String text) {
        return new MessageContent(text, ParseMode.PLAIN, null);
    }

    /** Text already written in MarkdownV2, its ordinary parts escaped with {@link TelegramMarkdown#escape}. */
    public static MessageContent markdown(String markdownV2) {
        return new MessageContent(markdownV2, ParseMode.MARKDOWN_V2, null);
    }

    public MessageContent withKeyboard(InlineKeyboard newKeyboard) {
        return new MessageContent(text, parseMode, newKeyboard);
    }
}
