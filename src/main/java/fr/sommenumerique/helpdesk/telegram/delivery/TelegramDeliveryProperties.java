package fr.sommenumerique.helpdesk.telegram.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code helpdesk.telegram.delivery.*}: how the queued Telegram messages are sent.
 *
 * @param interval     how often the outbox is looked at when nothing wakes the sender up (default 2s; the bot's
 *                     own replies wake it at once, staff replies wait at most this long)
 * @param menuRetry    wait before setting the command menu again after a failure (default 1m)
 * @param defaultPause how long a chat waits after a 429 that carries no retry_after (default 1s)
 */
@ConfigurationProperties("helpdesk.telegram.delivery")
public record TelegramDeliveryProperties(Duration interval, Duration menuRetry, Duration defaultPause) {

    public TelegramDeliveryProperties {
        interval = positive(interval, Duration.ofSeconds(2), "interval");
        menuRetry = positive(menuRetry, Duration.ofMinutes(1), "menu-retry");
        defaultPause = positive(defaultPause, Duration.ofSeconds(1), "default-pause");
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("helpdesk.telegram.delivery." + name + " must be positive, got " + d);
        }
        return d;
    }
}
