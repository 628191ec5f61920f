package fr.sommenumerique.helpdesk.telegram.bot;

/** How Telegram reads a message text. */
public enum ParseMode {
    /** Text shown exactly as given. */
    PLAIN(null),
    /** MarkdownV2: escape ordinary text with {@link TelegramMarkdown#escape(String)}. */
    MARKDOWN_V2("MarkdownV2");

    private final String apiValue;

    ParseMode(String apiValue) {
        this.apiValue = apiValue;
    }

    /** Value of the Bot API {@code parse_mode} parameter; null for plain text. */
    public String apiValue() {
        return apiValue;
    }
}
