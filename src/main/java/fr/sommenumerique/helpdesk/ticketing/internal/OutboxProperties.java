package fr.sommenumerique.helpdesk.ticketing.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code helpdesk.outbox.*}.
 *
 * @param backoff           waits after the 1st, 2nd… failed attempt; the last one repeats (default 30s, 2m, 10m, 30m, 1h)
 * @param maxAttempts       attempts before a message is FAILED (default 8)
 * @param lease             how long a claimed message is reserved for the poller that claimed it (default 5m)
 * @param autoReplyLimit    automatic replies allowed per recipient within {@code autoReplyWindow} (default 3)
 * @param autoReplyWindow   window of that limit (default 1h)
 * @param messageIdDomain   right-hand part of the Message-IDs made by {@code Outbox.newMessageId()}; default: the
 *                          domain of {@code helpdesk.mail.address}
 */
@ConfigurationProperties("helpdesk.outbox")
public record OutboxProperties(List<Duration> backoff, Integer maxAttempts, Duration lease, Integer autoReplyLimit,
                               Duration autoReplyWindow, String messageIdDomain) {

    public OutboxProperties {
        backoff = backoff == null || backoff.isEmpty()
                ? List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1))
                : List.copyOf(backoff);
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        autoReplyLimit = autoReplyLimit == null ? 3 : autoReplyLimit;
        autoReplyWindow = autoReplyWindow == null ? Duration.ofHours(1) : autoReplyWindow;
        // unset: the Outbox takes the domain of helpdesk.mail.address
        messageIdDomain = messageIdDomain == null || messageIdDomain.isBlank() ? null : messageIdDomain.trim().toLowerCase(java.util.Locale.ROOT);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("helpdesk.outbox.max-attempts must be at least 1");
        }
    }

    public static OutboxProperties defaults() {
        return new OutboxProperties(null, null, null, null, null, null);
    }
}
