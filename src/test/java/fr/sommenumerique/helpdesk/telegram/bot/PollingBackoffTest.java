package fr.sommenumerique.helpdesk.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PollingBackoffTest {

    private static final TelegramProperties.Backoff SETTINGS =
            new TelegramProperties.Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 0.2);

    @Test
    void growsExponentiallyUpToTheCapAndResets() {
        PollingBackoff backoff = new PollingBackoff(SETTINGS, () -> 0.5); // 0.5 = no jitter

        assertThat(backoff.next(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next(null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.next(null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.next(null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.next(null)).isEqualTo(Duration.ofSeconds(10));
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.next(null)).isEqualTo(Duration.ofSeconds(10));
        }
        backoff.reset();
        assertThat(backoff.next(null)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterStaysWithinBoundsAndNeverExceedsTheCap() {
        PollingBackoff low = new PollingBackoff(SETTINGS, () -> 0.0);
        PollingBackoff high = new PollingBackoff(SETTINGS, () -> 0.999);

        assertThat(low.next(null)).isEqualTo(Duration.ofMillis(800));
        assertThat(high.next(null)).isBetween(Duration.ofMillis(1190), Duration.ofMillis(1200));
        for (int i = 0; i < 10; i++) {
            high.next(null);
        }
        assertThat(high.next(null)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void retryAfterWinsWhenLonger() {
        PollingBackoff backoff = new PollingBackoff(SETTINGS, () -> 0.5);

        assertThat(backoff.next(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.next(Duration.ofMillis(1))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new TelegramProperties.Backoff(Duration.ofSeconds(5), 2.0, Duration.ofSeconds(1), 0))
                .hasMessageContaining("backoff.max must be >= initial");
        assertThatThrownBy(() -> new TelegramProperties.Backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 0))
                .hasMessageContaining("multiplier");
    }
}
