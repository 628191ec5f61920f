package fr.sommenumerique.helpdesk.telegram.bot;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with cap and jitter. Unlike the library's {@code ExponentialBackOff}, it never gives up and
 * never jumps to a 15-minute wait after 15 minutes of errors: the delay stays at {@code max} until a success.
 */
final class PollingBackoff {

    private final TelegramProperties.Backoff settings;
    private final DoubleSupplier random;
    private int failures;

    PollingBackoff(TelegramProperties.Backoff settings) {
        this(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    PollingBackoff(TelegramProperties.Backoff settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /** Delay before the next attempt after one more failure; at least {@code retryAfter} when Telegram gave one. */
    Duration next(Duration retryAfter) {
        failures++;
        double base = settings.initial().toMillis() * Math.pow(settings.multiplier(), Math.min(failures - 1, 60));
        double capped = Math.min(base, settings.max().toMillis());
        double jittered = capped * (1 + settings.jitter() * (2 * random.getAsDouble() - 1));
        long millis = Math.max(1, Math.min(Math.round(jittered), settings.max().toMillis()));
        Duration delay = Duration.ofMillis(millis);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }

    /** The maximum delay, for errors that will not fix themselves soon (bad token). */
    Duration max() {
        failures++;
        return settings.max();
    }

    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
