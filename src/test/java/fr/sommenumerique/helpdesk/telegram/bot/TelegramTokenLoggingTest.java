package fr.sommenumerique.helpdesk.telegram.bot;

import static fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.telegram.telegrambots.meta.api.objects.Update;

import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.Failure;

/**
 * The bot token is in every Bot API URL; whatever goes wrong, it must not reach the logs, exception messages or
 * the health details. Plain JUnit runs Logback's default configuration (DEBUG), so debug lines are checked too.
 */
@ExtendWith(OutputCaptureExtension.class)
class TelegramTokenLoggingTest {

    private static final Logger log = LoggerFactory.getLogger(TelegramTokenLoggingTest.class);

    @Test
    void pollingErrorsAndHandlerFailuresNeverShowTheToken(CapturedOutput output) {
        List<Update> handled = new CopyOnWriteArrayList<>();
        try (FakeTelegramBotApi api = FakeTelegramBotApi.start()) {
            api.failNext("deleteWebhook", 1, Failure.dropConnection());
            api.failNext("deleteWebhook", 1, Failure.serverError());
            api.failNext("getUpdates", 1, Failure.tooManyRequests(1));
            api.failNext("getUpdates", 1, Failure.badGateway());
            api.failNext("getUpdates", 4, Failure.dropConnection());
            api.enqueueText(SECRETARY, "boum");
            api.enqueueText(SECRETARY, "ok");
            PollingHealth health = new PollingHealth();
            TelegramPollingRunner runner = new TelegramPollingRunner(TestTelegram.properties(api), () -> update -> {
                if ("boum".equals(update.getMessage().getText())) {
                    throw new IllegalStateException("échec du traitement");
                }
                handled.add(update);
            }, health);

            runner.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 1);
            runner.stop();

            assertThat(output).contains("Telegram polling failed").contains("429").contains("502")
                    .contains("NETWORK").contains("failed in the handler");
            assertThat(String.valueOf(health.snapshot())).doesNotContain(api.token());
            assertThat(output).doesNotContain(api.token()).doesNotContain(api.token().replace(":", "%3A"));
        }
    }

    @Test
    void aRejectedTokenIsNotShownEither(CapturedOutput output) {
        String wrongToken = "7000000001:AAH-revokedTokenRevokedTokenRevoked";
        try (FakeTelegramBotApi api = FakeTelegramBotApi.start()) {
            TelegramProperties properties = TestTelegram.properties(api).withToken(wrongToken);
            PollingHealth health = new PollingHealth();
            TelegramPollingRunner runner = new TelegramPollingRunner(properties, () -> update -> { }, health);

            runner.start();
            await().until(() -> health.snapshot().consecutiveFailures() >= 2);
            runner.stop();

            assertThat(health.snapshot().lastError()).contains("401");
            assertThat(output).contains("Check TELEGRAM_BOT_TOKEN").doesNotContain(wrongToken);
        }
    }

    @Test
    void gatewayExceptionsLoggedWithStackTracesNeverShowTheToken(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (FakeTelegramBotApi api = FakeTelegramBotApi.start().addPrivateChat(SECRETARY);
             OkHttpTelegramGateway gateway = new OkHttpTelegramGateway(TestTelegram.properties(api));
             OkHttpTelegramGateway refused = new OkHttpTelegramGateway(
                     TelegramProperties.of(api.token(), URI.create("http://127.0.0.1:" + closedPort)))) {
            api.failNext("sendMessage", 1, Failure.tooManyRequests(3));
            api.failNext("sendMessage", 1, Failure.badGateway());
            api.failNext("sendMessage", 5, Failure.dropConnection());
            api.failNext("download", 1, Failure.serverError());
            // a proxy error page quoting the requested URL: only the masker keeps the token out
            api.failNext("getFile", 1, Failure.apiError(404, "Not Found: POST /bot" + api.token() + "/getFile"));
            var file = api.registerFile("documents/acte.pdf", new byte[]{1, 2, 3});

            List<TelegramGatewayException> errors = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 3; i++) {
                errors.add(catchThrowableOfType(TelegramGatewayException.class,
                        () -> gateway.sendText(SECRETARY.chatId(), "Bonjour")));
            }
            errors.add(catchThrowableOfType(TelegramGatewayException.class,
                    () -> gateway.download(new TelegramFile(file.fileId(), file.fileUniqueId(), file.filePath(), 3L))));
            errors.add(catchThrowableOfType(TelegramGatewayException.class, () -> gateway.getFile("inconnu")));
            assertThat(errors.get(errors.size() - 1).description()).isEqualTo("Not Found: POST /bot<token>/getFile");
            errors.add(catchThrowableOfType(TelegramGatewayException.class, () -> refused.sendTyping(SECRETARY.chatId())));
            errors.forEach(e -> log.warn("Telegram call failed as expected by the test", e));

            assertThat(errors).hasSize(6).doesNotContainNull();
            assertThat(errors).extracting(TelegramGatewayException::kind).contains(
                    TelegramGatewayException.Kind.API_ERROR, TelegramGatewayException.Kind.NETWORK);
            assertThat(output).contains("Telegram call failed as expected").contains("Caused by");
            assertThat(output).doesNotContain(api.token());
        }
    }
}
