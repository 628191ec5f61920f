package fr.sommenumerique.helpdesk.telegram.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code helpdesk.telegram.chat.*}: the bot's conversation rules.
 *
 * @param floodMessages    messages (edits included) one chat may send per {@code floodWindow} before the rest are
 *                         set aside (10); button presses have an allowance of the same size of their own
 * @param floodWindow      window of that limit (1m); the allowance refills continuously
 * @param linkCodeTtl      how long a /lier code stays valid (15m)
 * @param linkMaxAttempts  wrong codes allowed before a code is cancelled (5)
 * @param linkCodesPerHour codes one chat may ask for per hour (3): the bot must not become a way to flood an inbox
 * @param flowTtl          how long a guided exchange (/souscrire, /lier) waits for the next answer (30m)
 * @param floodQuiet       how long a flooding chat must stay silent for its burst to be over; its set-aside
 *                         messages are then handled, in order (5s)
 */
@ConfigurationProperties("helpdesk.telegram.chat")
public record TelegramChatProperties(Integer floodMessages, Duration floodWindow, Duration linkCodeTtl,
                                     Integer linkMaxAttempts, Integer linkCodesPerHour, Duration flowTtl,
                                     Duration floodQuiet) {

    public TelegramChatProperties {
        floodMessages = atLeastOne(floodMessages, 10, "flood-messages");
        floodWindow = positive(floodWindow, Duration.ofMinutes(1), "flood-window");
        linkCodeTtl = positive(linkCodeTtl, Duration.ofMinutes(15), "link-code-ttl");
        linkMaxAttempts = atLeastOne(linkMaxAttempts, 5, "link-max-attempts");
        linkCodesPerHour = atLeastOne(linkCodesPerHour, 3, "link-codes-per-hour");
        flowTtl = positive(flowTtl, Duration.ofMinutes(30), "flow-ttl");
        floodQuiet = positive(floodQuiet, Duration.ofSeconds(5), "flood-quiet");
    }

    public static TelegramChatProperties defaults() {
        return new TelegramChatProperties(null, null, null, null, null, null, null);
    }

    private static int atLeastOne(Integer value, int fallback, String name) {
        int v = value == null ? fallback : value;
        if (v < 1) {
            throw new IllegalArgumentException("helpdesk.telegram.chat." + name + " must be at least 1, got " + v);
        }
        return v;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("helpdesk.telegram.chat." + name + " must be positive, got " + d);
        }
        return d;
    }
}
