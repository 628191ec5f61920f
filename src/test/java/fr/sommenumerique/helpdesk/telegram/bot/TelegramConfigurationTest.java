package fr.sommenumerique.helpdesk.telegram.bot;

import static fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.telegram.telegrambots.meta.api.objects.Update;

import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.EnqueuedUpdate;
import fr.sommenumerique.helpdesk.telegram.TelegramChannelHealth.State;
import fr.sommenumerique.helpdesk.telegram.TelegramChannelStatus;
import fr.sommenumerique.helpdesk.telegram.TestEnvironmentVariables;

/**
 * The Spring wiring, with the real application.yml (token mapped from TELEGRAM_BOT_TOKEN). The OS environment of
 * each context is the real one without TELEGRAM_BOT_TOKEN, or with the fake API's token where a test says so
 * ({@link TestEnvironmentVariables}: a JVM cannot set its own environment variables).
 */
@ExtendWith(OutputCaptureExtension.class)
class TelegramConfigurationTest {

    private static final String TOKEN = "TELEGRAM_BOT_TOKEN";

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withInitializer(TestEnvironmentVariables.without(TOKEN))
            .withUserConfiguration(TelegramConfiguration.class);

    private FakeTelegramBotApi api;

    @BeforeEach
    void startApi() {
        api = FakeTelegramBotApi.start();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void withoutTokenTheChannelIsOffAndEverythingElseStarts(CapturedOutput output) {
        contexts.withPropertyValues("helpdesk.telegram.api-url=" + api.apiUrl())
                .withBean(TelegramUpdateHandler.class, () -> update -> { })
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TelegramGateway.class).isEnabled()).isFalse();
                    assertThat(context.getBean(TelegramPollingRunner.class).isRunning()).isFalse();
                    assertThat(context.getBean(TelegramChannelStatus.class).snapshot().state()).isEqualTo(State.OFF);
                    var health = context.getBean(TelegramHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("state", "OFF");
                });
        assertThat(output.getAll().lines().filter(l -> l.contains("Telegram channel is OFF")).count()).isEqualTo(1);
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void withTokenItPollsAfterStartupAndStopsOnClose() {
        List<Update> handled = new CopyOnWriteArrayList<>();
        EnqueuedUpdate update = api.enqueueText(SECRETARY, "Bonjour depuis la mairie");

        contexts.withInitializer(TestEnvironmentVariables.with(TOKEN, api.token()))
                .withPropertyValues("helpdesk.telegram.api-url=" + api.apiUrl(),
                        "helpdesk.telegram.polling-timeout=1s",
                        "helpdesk.telegram.backoff.initial=50ms",
                        "helpdesk.telegram.backoff.max=200ms")
                .withBean(TelegramUpdateHandler.class, () -> handled::add)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
                    assertThat(handled.get(0).getUpdateId()).isEqualTo(update.updateId());
                    TelegramGateway gateway = context.getBean(TelegramGateway.class);
                    assertThat(gateway.isEnabled()).isTrue();
                    gateway.sendText(SECRETARY.chatId(), "Bien reçu.");
                    assertThat(api.awaitCall("sendMessage").text("text")).isEqualTo("Bien reçu.");
                    assertThat(context.getBean(TelegramChannelStatus.class).snapshot().state()).isEqualTo(State.RUNNING);
                    assertThat(context.getBean(TelegramProperties.class).toString()).doesNotContain(api.token());
                });

        await().until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("telegram-polling") && t.isAlive()));
        assertThat(api.confirmedOffset()).isEqualTo(update.updateId() + 1);
    }

    @Test
    void withTokenButNoHandlerNothingPolls() {
        contexts.withInitializer(TestEnvironmentVariables.with(TOKEN, api.token()))
                .withPropertyValues("helpdesk.telegram.api-url=" + api.apiUrl())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TelegramPollingRunner.class).isRunning()).isFalse();
                    assertThat(context.getBean(TelegramChannelStatus.class).snapshot().state()).isEqualTo(State.IDLE);
                });
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void aTokenWrittenInAConfigurationFileIsRefused() {
        String token = "123456:AAE-token-written-in-a-file-by-mistake";
        contexts.withPropertyValues("helpdesk.telegram.token=" + token)
                .run(context -> assertRefused(context, token, "not through the TELEGRAM_BOT_TOKEN environment variable"));
    }

    /** -DTELEGRAM_BOT_TOKEN=…, --TELEGRAM_BOT_TOKEN=… or a TELEGRAM_BOT_TOKEN key in a yml: all mere properties. */
    @Test
    void aPropertyNamedLikeTheVariableIsNotTheEnvironment() {
        String token = "123456:AAE-token-given-as-a-system-property";
        contexts.withSystemProperties(TOKEN + "=" + token)
                .run(context -> assertRefused(context, token, "not through the TELEGRAM_BOT_TOKEN environment variable"));
        contexts.withPropertyValues(TOKEN + "=" + token)
                .run(context -> assertRefused(context, token, "not through the TELEGRAM_BOT_TOKEN environment variable"));
    }

    @Test
    void aTokenOverridingTheEnvironmentVariableIsRefused() {
        String token = "123456:AAE-token-on-the-command-line";
        contexts.withInitializer(TestEnvironmentVariables.with(TOKEN, api.token()))
                .withPropertyValues("helpdesk.telegram.token=" + token)
                .run(context -> assertRefused(context, token, "something else than the TELEGRAM_BOT_TOKEN environment"));
        assertThat(api.calls()).isEmpty();
    }

    private static void assertRefused(AssertableApplicationContext context, String token, String why) {
        assertThat(context).hasFailed();
        assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(why)
                .hasMessageContaining("operating-system environment only")
                .hasMessageNotContaining(token);
    }

    @Test
    void invalidSettingsFailWithAClearMessage() {
        contexts.withPropertyValues("helpdesk.telegram.polling-timeout=90s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("helpdesk.telegram.polling-timeout must be between 0 and 50s");
                });
    }
}
