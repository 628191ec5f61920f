package fr.sommenumerique.helpdesk.telegram.bot;

/**
 * Escaping for Telegram's MarkdownV2 parse mode (https://core.telegram.org/bots/api#markdownv2-style).
 * Telegram rejects a whole message (400 "can't parse entities") when one reserved character is left bare, so
 * every piece of text that is not markup must go through {@link #escape(String)}.
 */
public final class TelegramMarkdown {

    /** Characters MarkdownV2 reserves outside code and links, plus the escape character itself. */
    static final String RESERVED = "\\_*[]()~`>#+-=|{}.!";

    private TelegramMarkdown() {
    }

    /** Escapes ordinary text: every one of {@code _ * [ ] ( ) ~ ` > # + - = | { } . ! \} gets a backslash. */
    public static String escape(String text) {
        return escapeAll(text, RESERVED);
    }

    /** Escapes the content of an inline {@code `code`} or a {@code ```pre```} block: only {@code `} and {@code \}. */
    public static String escapeCode(String text) {
        return escapeAll(text, "\\`");
    }

    /** Escapes the URL part of an inline link {@code [text](url)}: only {@code )} and {@code \}. */
    public static String escapeLinkUrl(String url) {
        return escapeAll(url, "\\)");
    }

    /** {@code *text*} with the text escaped. */
    public static String bold(String text) {
        return "*" + escape(text) + "*";
    }

    /** {@code _text_} with the text escaped. */
    public static String italic(String text) {
        return "_" + escape(text) + "_";
    }

    /** {@code `text`} with the text escaped for code. */
    public static String code(String text) {
        return "`" + escapeCode(text) + "`";
    }

    /** {@code [text](url)} with both parts escaped. */
    public static String link(String text, String url) {
        return "[" + escape(text) + "](" + escapeLinkUrl(url) + ")";
    }

    /**
     * What a MarkdownV2 text shows, as plain text: escapes resolved, formatting marks ({@code * _ ~ ` |}) dropped,
     * {@code [text](url)} as {@code text (url)}. For sending again as plain text a message Telegram refused to parse.
     */
    public static String toPlainText(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return markdown == null ? "" : markdown;
        }
        StringBuilder sb = new StringBuilder(markdown.length());
        boolean inCode = false;
        boolean inUrl = false;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length()) {
                sb.append(markdown.charAt(++i));
            } else if (c == '`' && !inUrl) {
                inCode = !inCode;
            } else if (inCode) {
                sb.append(c);
            } else if (inUrl) {
                sb.append(c);
                inUrl = c != ')';
            } else if (c == ']' && i + 1 < markdown.length() && markdown.charAt(i + 1) == '(') {
                sb.append(" (");
                i++;
                inUrl = true;
            } else if ("*_~|[".indexOf(c) < 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String escapeAll(String text, String reserved) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (reserved.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
