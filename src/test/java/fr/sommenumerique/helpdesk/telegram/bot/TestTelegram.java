package fr.sommenumerique.helpdesk.telegram.bot;

import java.time.Duration;

import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi;

/** Fast settings pointing at a fake Bot API: 1 s long polls, 50 ms → 400 ms backoff without jitter. */
final class TestTelegram {

    static final TelegramProperties.Backoff FAST_BACKOFF =
            new TelegramProperties.Backoff(Duration.ofMillis(50), 2.0, Duration.ofMillis(400), 0.0);

    private TestTelegram() {
    }

    static TelegramProperties properties(FakeTelegramBotApi api) {
        return TelegramProperties.of(api.token(), api.apiUrl())
                .withPollingTimeout(Duration.ofSeconds(1))
                .withRequestTimeout(Duration.ofSeconds(5))
                .withBackoff(FAST_BACKOFF);
    }
}
