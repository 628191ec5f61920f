package fr.sommenumerique.helpdesk.telegram.bot;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A Bot API call failed. Carries what the caller needs to decide: the error code (the Bot API's
 * {@code error_code}, which is the HTTP status, or the HTTP status of a non-JSON answer such as a proxy's 502),
 * Telegram's description, and {@code retry_after} on 429. Its message never contains the bot token.
 */
public class TelegramGatewayException extends RuntimeException {

    public enum Kind {
        /** Telegram (or a proxy in front of it) answered with an error code. */
        API_ERROR,
        /** No answer: connection refused or dropped, timeout, DNS… */
        NETWORK,
        /** An answer that is not a Bot API response. */
        INVALID_RESPONSE,
        /** Refused before sending: the library's validation found the request malformed (a bug of the caller). */
        INVALID_REQUEST,
        /** The channel is off (no token). */
        DISABLED,
        /** The file exceeds what the Bot API lets a bot download. */
        FILE_TOO_LARGE
    }

    private final String method;
    private final Kind kind;
    private final Integer errorCode;
    private final String description;
    private final Integer retryAfterSeconds;

    public TelegramGatewayException(String method, Kind kind, Integer errorCode, String description,
                                    Integer retryAfterSeconds, Throwable cause) {
        super(buildMessage(method, kind, errorCode, description, retryAfterSeconds), cause);
        this.method = method;
        this.kind = kind;
        this.errorCode = errorCode;
        this.description = description;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static TelegramGatewayException disabled(String method) {
        return new TelegramGatewayException(method, Kind.DISABLED, null,
                "Telegram channel is off: the TELEGRAM_BOT_TOKEN environment variable is not set", null, null);
    }

    /** Bot API method name as sent (e.g. {@code sendmessage}, {@code getFile}, {@code download}). */
    public String method() {
        return method;
    }

    public Kind kind() {
        return kind;
    }

    /** Bot API {@code error_code} / HTTP status; empty for network errors. */
    public Optional<Integer> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** Telegram's description, e.g. "Bad Request: message is not modified…" (token masked). */
    public String description() {
        return description;
    }

    /** {@code parameters.retry_after} (or a Retry-After header) when Telegram asks to slow down. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfterSeconds).map(Duration::ofSeconds);
    }

    /**
     * Worth retrying later (outbox): network errors, 429, 5xx, and 409 on getUpdates. Client errors (400 bad
     * request, 401 bad token, 403 blocked by the user, 404) will fail again the same way.
     */
    public boolean isRetryable() {
        if (kind == Kind.NETWORK || kind == Kind.INVALID_RESPONSE) {
            return true;
        }
        if (kind != Kind.API_ERROR || errorCode == null) {
            return false;
        }
        return errorCode == 429 || errorCode >= 500 || errorCode == 409;
    }

    public boolean isTooManyRequests() {
        return errorCode != null && errorCode == 429;
    }

    /** 401/404 on every call: the token is wrong or revoked. */
    public boolean isUnauthorized() {
        return errorCode != null && (errorCode == 401 || errorCode == 404 && !"download".equals(method));
    }

    /** 403: the user blocked the bot or the bot was removed from the group; stop writing to that chat. */
    public boolean isForbidden() {
        return errorCode != null && errorCode == 403;
    }

    /** 400 "message is not modified": an edit that changes nothing; safe to ignore. */
    public boolean isMessageNotModified() {
        return errorCode != null && errorCode == 400 && description != null
                && description.toLowerCase(Locale.ROOT).contains("message is not modified");
    }

    /** 400 "can't parse entities": a MarkdownV2 (or HTML) text Telegram could not read; plain text would pass. */
    public boolean isEntityParseError() {
        return errorCode != null && errorCode == 400 && description != null
                && description.toLowerCase(Locale.ROOT).contains("can't parse entities");
    }

    private static String buildMessage(String method, Kind kind, Integer code, String description, Integer retryAfter) {
        StringBuilder sb = new StringBuilder("Telegram ").append(method).append(" failed (").append(kind);
        if (code != null) {
            sb.append(' ').append(code);
        }
        sb.append(')');
        if (description != null && !description.isBlank()) {
            sb.append(": ").append(description);
        }
        if (retryAfter != null) {
            sb.append(" [retry after ").append(retryAfter).append(" s]");
        }
        return sb.toString();
    }
}
