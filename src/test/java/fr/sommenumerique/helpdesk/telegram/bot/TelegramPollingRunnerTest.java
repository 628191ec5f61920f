package fr.sommenumerique.helpdesk.telegram.bot;

import static fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.MAYOR;
import static fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.telegram.telegrambots.meta.api.objects.Update;

import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.ApiCall;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.EnqueuedUpdate;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.Failure;
import fr.sommenumerique.helpdesk.telegram.TelegramChannelHealth;
import fr.sommenumerique.helpdesk.telegram.TelegramChannelHealth.State;

@ExtendWith(OutputCaptureExtension.class)
class TelegramPollingRunnerTest {

    private FakeTelegramBotApi api;
    private final List<Update> handled = new CopyOnWriteArrayList<>();
    private final List<TelegramPollingRunner> runners = new ArrayList<>();

    @BeforeEach
    void startApi() {
        api = FakeTelegramBotApi.start();
    }

    @AfterEach
    void stopAll() {
        runners.forEach(TelegramPollingRunner::stop);
        api.close();
    }

    private TelegramPollingRunner runner(TelegramUpdateHandler handler, PollingHealth health) {
        TelegramPollingRunner runner = new TelegramPollingRunner(TestTelegram.properties(api), () -> handler, health);
        runners.add(runner);
        return runner;
    }

    private TelegramPollingRunner recordingRunner(PollingHealth health) {
        return runner(handled::add, health);
    }

    private List<Integer> handledIds() {
        return handled.stream().map(Update::getUpdateId).toList();
    }

    @Test
    void receivesUpdatesInOrderAndConfirmsThem() {
        EnqueuedUpdate first = api.enqueueText(SECRETARY, "Bonjour, je n’arrive pas à télétransmettre un acte.");
        EnqueuedUpdate second = api.enqueueCommand(SECRETARY, "/ticket", null);
        EnqueuedUpdate third = api.enqueueGroupText(-100_200_300L, "Mairie de Corbie", MAYOR, "Réunion jeudi");
        PollingHealth health = new PollingHealth();
        TelegramPollingRunner runner = recordingRunner(health);

        runner.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 3);
        assertThat(handledIds()).containsExactly(first.updateId(), second.updateId(), third.updateId());
        assertThat(handled.get(0).getMessage().getText()).startsWith("Bonjour");
        assertThat(handled.get(1).getMessage().isCommand()).isTrue();
        assertThat(handled.get(2).getMessage().getChat().isGroupChat()).isTrue();

        // the webhook is removed first, then the next poll asks for the update after the last one handled
        assertThat(api.calls().get(0).is("deleteWebhook")).isTrue();
        ApiCall next = api.awaitCall("getUpdates", c -> c.has("offset") && c.longValue("offset") == third.updateId() + 1);
        assertThat(next.longValue("timeout")).isEqualTo(1);
        assertThat(next.json("allowed_updates").toString()).contains("callback_query");
        await().until(() -> api.pendingUpdateCount() == 0);

        EnqueuedUpdate fourth = api.enqueueEditedMessage(SECRETARY, first.messageId(), "Bonjour, c’est réglé.");
        await().until(() -> handled.size() == 4);
        assertThat(handled.get(3).getEditedMessage().getText()).isEqualTo("Bonjour, c’est réglé.");
        assertThat(runner.lastHandledUpdateId()).isEqualTo(fourth.updateId());

        TelegramChannelHealth snapshot = health.snapshot();
        assertThat(snapshot.state()).isEqualTo(State.RUNNING);
        assertThat(snapshot.handledUpdates()).isEqualTo(4);
        assertThat(snapshot.lastSuccessfulPoll()).isNotNull();
        assertThat(snapshot.lastHandledUpdateId()).isEqualTo(fourth.updateId());
    }

    @Test
    void longPollReturnsAsSoonAsAnUpdateArrives() {
        TelegramProperties longPolls = TestTelegram.properties(api).withPollingTimeout(Duration.ofSeconds(10));
        TelegramPollingRunner runner = new TelegramPollingRunner(longPolls, () -> handled::add, new PollingHealth());
        runners.add(runner);
        runner.start();
        api.awaitCall("getUpdates");

        Instant enqueued = Instant.now();
        api.enqueueCallbackQuery(SECRETARY, 101, "faq:actes");

        await().atMost(Duration.ofSeconds(8)).until(() -> handled.size() == 1);
        // far less than the 10 s long-poll timeout: the pending poll answered as soon as the update came
        assertThat(Duration.between(enqueued, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(handled.get(0).getCallbackQuery().getData()).isEqualTo("faq:actes");
    }

    @Test
    void noUpdateHandledTwiceAcrossARestart() {
        api.enqueueText(SECRETARY, "un");
        api.enqueueText(SECRETARY, "deux");
        EnqueuedUpdate last = api.enqueueText(SECRETARY, "trois");
        TelegramPollingRunner first = recordingRunner(new PollingHealth());
        first.start();
        await().until(() -> handled.size() == 3);

        first.stop();

        // a clean stop confirms what was handled, so Telegram will not serve it again
        assertThat(api.confirmedOffset()).isEqualTo(last.updateId() + 1);
        assertThat(api.pendingUpdateCount()).isZero();
        EnqueuedUpdate later = api.enqueueText(SECRETARY, "quatre");
        TelegramPollingRunner second = recordingRunner(new PollingHealth());
        second.start();

        await().until(() -> handled.size() == 4);
        assertThat(handled.get(3).getUpdateId()).isEqualTo(later.updateId());
        // and the first poll of the new runner carried no offset: Telegram serves from the last confirmed one
        assertThat(api.calls("getUpdates").stream().filter(c -> !c.has("offset")).count()).isEqualTo(2);
        await().during(Duration.ofMillis(300)).until(() -> handled.size() == 4);
    }

    @Test
    void sameRunnerRestartedKeepsItsOffset() {
        EnqueuedUpdate update = api.enqueueText(SECRETARY, "un");
        TelegramPollingRunner runner = recordingRunner(new PollingHealth());
        runner.start();
        await().until(() -> handled.size() == 1);
        runner.stop();
        api.clearCalls();

        runner.start();

        ApiCall poll = api.awaitCall("getUpdates");
        assertThat(poll.longValue("offset")).isEqualTo(update.updateId() + 1);
        assertThat(runner.isRunning()).isTrue();
    }

    /**
     * What a crash (kill -9) during a handler leaves depends on this: Telegram must still hold the update, so that it
     * is served again. The whole crash is proven by CrashHarnessTest; here, that the offset never moves past an
     * update before its handler has returned.
     */
    @Test
    void anUpdateIsConfirmedToTelegramOnlyAfterItsHandlerReturned() throws Exception {
        EnqueuedUpdate first = api.enqueueText(SECRETARY, "un");
        EnqueuedUpdate second = api.enqueueText(SECRETARY, "deux");
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TelegramPollingRunner runner = runner(update -> {
            if (update.getUpdateId() == second.updateId()) {
                inHandler.countDown();
                release.await();
            }
            handled.add(update);
        }, new PollingHealth());
        runner.start();
        try {
            assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300); // time for a wrongly early confirmation to reach the fake
            assertThat(api.confirmedOffset()).as("nothing confirmed while the handler runs")
                    .isLessThanOrEqualTo(first.updateId());
            assertThat(api.pendingUpdateCount()).as("a crash now: Telegram serves both again").isEqualTo(2);
        } finally {
            release.countDown();
        }
        await().until(() -> api.confirmedOffset() == second.updateId() + 1);
        assertThat(handledIds()).containsExactly(first.updateId(), second.updateId());
    }

    @Test
    void aFailingHandlerNeitherStopsPollingNorLosesTheUpdateSilently(CapturedOutput output) {
        EnqueuedUpdate ok = api.enqueueText(SECRETARY, "un");
        EnqueuedUpdate poison = api.enqueueText(SECRETARY, "poison");
        EnqueuedUpdate after = api.enqueueText(SECRETARY, "trois");
        PollingHealth health = new PollingHealth();
        TelegramPollingRunner runner = runner(update -> {
            if ("poison".equals(update.getMessage().getText())) {
                throw new IllegalStateException("base de données indisponible");
            }
            handled.add(update);
        }, health);

        runner.start();

        await().until(() -> handled.size() == 2);
        assertThat(handledIds()).containsExactly(ok.updateId(), after.updateId());
        assertThat(output).contains("Telegram update " + poison.updateId())
                .contains("failed in the handler")
                .contains("\"text\":\"poison\"")
                .contains("base de données indisponible");
        api.enqueueText(SECRETARY, "quatre");
        await().until(() -> handled.size() == 3);
        assertThat(health.snapshot().failedUpdates()).isEqualTo(1);
        assertThat(health.snapshot().handledUpdates()).isEqualTo(3);
    }

    @Test
    void errorsAreRetriedWithGrowingBackoffThenPollingResumes(CapturedOutput output) {
        api.failNext("getUpdates", 2, Failure.serverError());
        api.failNext("getUpdates", 1, Failure.badGateway());
        api.failNext("getUpdates", 6, Failure.dropConnection());
        api.failNext("getUpdates", 1, Failure.apiError(409, "Conflict: terminated by other getUpdates request"));
        EnqueuedUpdate update = api.enqueueText(SECRETARY, "toujours là ?");
        PollingHealth health = new PollingHealth();
        TelegramPollingRunner runner = recordingRunner(health);

        runner.start();

        await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 1);
        assertThat(handled.get(0).getUpdateId()).isEqualTo(update.updateId());
        List<ApiCall> polls = api.calls("getUpdates");
        List<ApiCall> failed = polls.stream().filter(c -> c.failure() != null).toList();
        assertThat(failed).hasSize(10);
        // gaps between the first failures follow 50, 100, 200 ms (no jitter in tests)
        assertThat(gap(failed.get(0), failed.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(45));
        assertThat(gap(failed.get(1), failed.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(95));
        assertThat(gap(failed.get(2), failed.get(3))).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        TelegramChannelHealth snapshot = health.snapshot();
        assertThat(snapshot.state()).isEqualTo(State.RUNNING);
        assertThat(snapshot.consecutiveFailures()).isZero();
        assertThat(snapshot.lastError()).contains("409");
        // no flood: one warning per kind of error, one line on recovery
        long warnings = output.getAll().lines().filter(l -> l.contains("Telegram polling failed")).count();
        assertThat(warnings).isBetween(3L, 6L);
        assertThat(output).contains("Telegram polling recovered after");
        assertThat(output).doesNotContain(api.token());
    }

    @Test
    void retryAfterIsHonoured() {
        api.failNext("getUpdates", 1, Failure.tooManyRequests(1));
        api.enqueueText(SECRETARY, "bonjour");
        PollingHealth health = new PollingHealth();
        TelegramPollingRunner runner = recordingRunner(health);

        runner.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
        List<ApiCall> polls = api.calls("getUpdates");
        assertThat(polls.get(0).failure()).isEqualTo("429");
        // the backoff alone would have waited 50 ms
        assertThat(gap(polls.get(0), polls.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(health.snapshot().lastError()).contains("429").contains("retry after 1");
    }

    @Test
    void pollingFailuresShowInHealthUntilTheyStop() {
        api.failNext("getUpdates", 1000, Failure.serverError());
        PollingHealth health = new PollingHealth();
        TelegramPollingRunner runner = recordingRunner(health);

        runner.start();

        await().until(() -> health.snapshot().consecutiveFailures() >= 3);
        TelegramChannelHealth snapshot = health.snapshot();
        assertThat(snapshot.state()).isEqualTo(State.FAILING);
        assertThat(snapshot.lastError()).contains("500");
        assertThat(snapshot.lastErrorAt()).isNotNull();
        assertThat(new TelegramHealthIndicator(health).health().getStatus()).isEqualTo(TelegramHealthIndicator.DEGRADED);
        // backoff caps at 400 ms: a few calls per second, not a busy loop
        int before = api.calls("getUpdates").size();
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertThat(api.calls("getUpdates").size() - before).isBetween(1, 4);
    }

    @Test
    void stopsPromptlyDuringALongPoll() {
        TelegramProperties slowPolls = TestTelegram.properties(api).withPollingTimeout(Duration.ofSeconds(30));
        PollingHealth health = new PollingHealth();
        TelegramPollingRunner runner = new TelegramPollingRunner(slowPolls, () -> handled::add, health);
        runner.start();
        api.awaitCall("getUpdates");

        Instant before = Instant.now();
        runner.stop();

        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(runner.isRunning()).isFalse();
        assertThat(health.snapshot().state()).isEqualTo(State.STOPPED);
        await().until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("telegram-polling")));
    }

    @Test
    void withoutTokenTheRunnerDoesNotStart(CapturedOutput output) {
        PollingHealth health = new PollingHealth();
        TelegramPollingRunner runner = new TelegramPollingRunner(
                TelegramProperties.of("  ", api.apiUrl()), () -> handled::add, health);

        runner.start();

        assertThat(runner.isRunning()).isFalse();
        assertThat(health.snapshot().state()).isEqualTo(State.OFF);
        assertThat(output.getAll().lines().filter(l -> l.contains("Telegram channel is OFF")).count()).isEqualTo(1);
        await().during(Duration.ofMillis(300)).until(() -> api.calls().isEmpty());
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("telegram-polling"));
        runner.stop();
    }

    @Test
    void withoutHandlerTheRunnerStaysIdleAndLeavesUpdatesAtTelegram() {
        api.enqueueText(SECRETARY, "personne pour me lire ?");
        PollingHealth health = new PollingHealth();
        TelegramPollingRunner runner = new TelegramPollingRunner(TestTelegram.properties(api), () -> null, health);

        runner.start();

        assertThat(runner.isRunning()).isFalse();
        assertThat(health.snapshot().state()).isEqualTo(State.IDLE);
        await().during(Duration.ofMillis(300)).until(() -> api.calls().isEmpty());
        assertThat(api.pendingUpdateCount()).isEqualTo(1);
    }

    private static Duration gap(ApiCall a, ApiCall b) {
        return Duration.between(a.receivedAt(), b.receivedAt());
    }
}
