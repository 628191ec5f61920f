package fr.sommenumerique.helpdesk.telegram.bot;

import java.util.List;

/**
 * Everything the bot does towards Telegram. Thread-safe. Every method throws {@link TelegramGatewayException}
 * (unchecked) on failure, with the Bot API error code and {@code retry_after}; it never retries by itself: the
 * caller (outbox) decides with {@link TelegramGatewayException#isRetryable()}. When the channel is off (no
 * token) every call throws a {@link TelegramGatewayException.Kind#DISABLED} exception.
 */
public interface TelegramGateway {

    /** The Bot API refuses getFile for files above 20 MB. */
    long MAX_DOWNLOAD_BYTES = 20L * 1024 * 1024;

    /** False when no token is configured. */
    boolean isEnabled();

    /** Sends a message; returns its id for later edits. */
    SentMessage send(long chatId, MessageContent content);

    /** Sends plain text (no parsing: any character is safe). */
    default SentMessage sendText(long chatId, String text) {
        return send(chatId, MessageContent.plain(text));
    }

    /** Sends MarkdownV2; ordinary text inside must be escaped with {@link TelegramMarkdown#escape(String)}. */
    default SentMessage sendMarkdown(long chatId, String markdownV2) {
        return send(chatId, MessageContent.markdown(markdownV2));
    }

    /** Sends plain text with buttons. */
    default SentMessage sendWithKeyboard(long chatId, String text, InlineKeyboard keyboard) {
        return send(chatId, MessageContent.plain(text).withKeyboard(keyboard));
    }

    /**
     * Replaces the text (and keyboard: a null keyboard removes it) of a message the bot sent. Telegram answers
     * 400 "message is not modified" when nothing changes: see {@link TelegramGatewayException#isMessageNotModified()}.
     */
    void edit(long chatId, int messageId, MessageContent content);

    /** Replaces only the buttons of a bot message; null or {@link InlineKeyboard#none()} removes them. */
    void editKeyboard(long chatId, int messageId, InlineKeyboard keyboard);

    /**
     * Answers a button press; Telegram shows a spinner on the button until then (answer within seconds).
     *
     * @param text      optional notification (0-200 characters), null for none
     * @param showAlert true for a modal alert instead of a toast
     */
    void answerCallback(String callbackQueryId, String text, boolean showAlert);

    /** Replaces the command menu shown by the « / » button, for all users and languages. */
    void setCommands(List<BotMenuCommand> commands);

    /** Shows « en train d’écrire… » in the chat for about 5 seconds. */
    void sendTyping(long chatId);

    /**
     * Describes a file (document, photo size…) from its {@code file_id}. Telegram refuses files above 20 MB with
     * 400 "file is too big": check the size carried by the message first ({@link #exceedsDownloadLimit(Long)}).
     */
    TelegramFile getFile(String fileId);

    /**
     * Downloads the bytes of a file described by {@link #getFile(String)}.
     *
     * @throws TelegramFileTooLargeException when the declared or actual size is above {@link #MAX_DOWNLOAD_BYTES}
     */
    byte[] download(TelegramFile file);

    /** True when a file of that size (from {@code Document.getFileSize()}, {@code PhotoSize.getFileSize()}…) cannot be downloaded. */
    static boolean exceedsDownloadLimit(Long fileSize) {
        return fileSize != null && fileSize > MAX_DOWNLOAD_BYTES;
    }
}
