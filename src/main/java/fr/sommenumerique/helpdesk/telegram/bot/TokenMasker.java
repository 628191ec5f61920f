package fr.sommenumerique.helpdesk.telegram.bot;

/**
 * Removes the bot token from texts that may reach a log, a health page or an exception message.
 * The token is part of every Bot API URL ({@code /bot<token>/method}), so any library or network
 * message quoting a URL would otherwise leak it.
 */
public final class TokenMasker {

    static final String MASK = "<token>";

    private final String token;
    private final String encodedToken;

    public TokenMasker(String token) {
        this.token = token == null ? "" : token.strip();
        // ':' is the only character of a token that URL encoders escape
        this.encodedToken = this.token.replace(":", "%3A");
    }

    public String mask(String text) {
        if (text == null || token.isEmpty()) {
            return text;
        }
        String masked = text.replace(token, MASK);
        if (!encodedToken.equals(token)) {
            masked = masked.replace(encodedToken, MASK).replace(encodedToken.replace("%3A", "%3a"), MASK);
        }
        return masked;
    }

    /** "ClassName: masked message" of a throwable and its causes, short enough for one log line. */
    public String describe(Throwable error) {
        StringBuilder sb = new StringBuilder();
        Throwable t = error;
        int depth = 0;
        while (t != null && depth < 4) {
            if (depth > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(mask(t.getMessage()));
            }
            t = t.getCause() == t ? null : t.getCause();
            depth++;
        }
        return sb.toString();
    }
}
