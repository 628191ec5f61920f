package fr.sommenumerique.helpdesk.telegram.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import fr.sommenumerique.helpdesk.cluster.PollerLeadership;

/**
 * Long-polls getUpdates on one thread and hands each update to the {@link TelegramUpdateHandler}, in order.
 *
 * <p>Why not the library's {@code TelegramBotsLongPollingApplication}/{@code BotSession} (10.2.0): it marks
 * updates as received <em>before</em> they are handled (the next getUpdates confirms them to Telegram even if
 * the handler has not run, so a crash loses them); its default consumer runs handlers on another executor; an
 * unchecked exception from the consumer silently kills the {@code scheduleAtFixedRate} task; it ignores
 * {@code retry_after} (HTTP errors keep only the status line); it logs every failure at ERROR with a stack trace;
 * after 15 minutes of errors its backoff waits 15 minutes; its executor thread is never shut down; and
 * {@code BotSession.toString()} (Lombok @Data) prints the token.
 *
 * <p>Guarantees here: updates are handled one at a time in update_id order; the offset sent to Telegram only
 * moves past an update after its handler returned (or threw: the error is logged with the raw update and the
 * update is skipped); within one runner the same update_id is never handed twice; a clean {@link #stop()}
 * confirms the handled updates to Telegram, so a restart does not see them again. After a crash the updates
 * handled since the last getUpdates come again: the domain dedupes by update_id. Errors (network, 429, 5xx,
 * 409…) are retried forever with exponential backoff capped at {@code backoff.max}, at least {@code retry_after};
 * one WARN at the first failure, then only when the error changes or every 5 minutes, one INFO on recovery.
 *
 * <p>When several instances share the database, only the one holding the bot's {@link PollerLeadership lock} calls
 * getUpdates (Telegram serves one poller per bot); it checks the lock before each update and stops at the first it
 * no longer holds, leaving that update unconfirmed for the instance that takes over.
 */
public final class TelegramPollingRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPollingRunner.class);
    private static final Duration REPEATED_WARNING_INTERVAL = Duration.ofMinutes(5);
    /** After this long without any update Telegram may restart update ids at random: stop sending an offset. */
    private static final Duration OFFSET_RESET_AFTER = Duration.ofDays(6);
    private static final int MAX_LOGGED_UPDATE_CHARS = 4000;
    private static final Duration LEADERSHIP_CHECK = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramProperties properties;
    private final Supplier<TelegramUpdateHandler> handlerSupplier;
    private final PollingHealth health;
    private final TokenMasker masker;
    private final Clock clock;
    private final PollerLeadership leadership;
    private final Object lifecycleLock = new Object();
    private final Object sleepLock = new Object();

    private volatile boolean running;
    private Thread thread;
    private OkHttpClient http;
    private TelegramClient client;

    /** Highest update_id handed to the handler by this runner; survives stop/start of the same instance. */
    private volatile Integer lastHandledUpdateId;
    private volatile Instant lastUpdateReceivedAt;

    private String lastLoggedError;
    private Instant lastWarningAt = Instant.MIN;

    /** A runner that reads the bot alone (no other instance shares it). */
    public TelegramPollingRunner(TelegramProperties properties, Supplier<TelegramUpdateHandler> handlerSupplier,
                                 PollingHealth health) {
        this(properties, handlerSupplier, health, PollerLeadership.alone(), Clock.systemUTC());
    }

    public TelegramPollingRunner(TelegramProperties properties, Supplier<TelegramUpdateHandler> handlerSupplier,
                                 PollingHealth health, PollerLeadership leadership) {
        this(properties, handlerSupplier, health, leadership, Clock.systemUTC());
    }

    TelegramPollingRunner(TelegramProperties properties, Supplier<TelegramUpdateHandler> handlerSupplier,
                          PollingHealth health, PollerLeadership leadership, Clock clock) {
        this.properties = properties;
        this.handlerSupplier = handlerSupplier;
        this.health = health;
        this.masker = new TokenMasker(properties.token());
        this.clock = clock;
        this.leadership = leadership;
        // a long poll in progress when the lock is lost is cut short
        leadership.onRevoked(this::cancelPendingCalls);
    }

    @Override
    public void start() {
        synchronized (lifecycleLock) {
            if (running) {
                return;
            }
            if (!properties.enabled()) {
                health.off();
                log.info("Telegram channel is OFF: the TELEGRAM_BOT_TOKEN environment variable is not set, no polling.");
                return;
            }
            TelegramUpdateHandler handler = handlerSupplier.get();
            if (handler == null) {
                health.idle();
                log.warn("Telegram polling NOT started: no (or more than one) TelegramUpdateHandler bean; updates stay queued at Telegram.");
                return;
            }
            http = TelegramHttpClients.pollingClient(properties);
            client = new OkHttpTelegramClient(http, properties.token(), properties.telegramUrl());
            running = true;
            health.starting();
            thread = new Thread(() -> pollLoop(handler), "telegram-polling");
            thread.setDaemon(true);
            thread.start();
            log.info("Telegram polling started ({}://{}:{}, long-poll timeout {} s).", properties.telegramUrl().getSchema(),
                    properties.telegramUrl().getHost(), properties.telegramUrl().getPort(),
                    properties.pollingTimeout().toSeconds());
        }
    }

    @Override
    public void stop() {
        Thread pollingThread;
        synchronized (lifecycleLock) {
            if (!running) {
                return;
            }
            running = false;
            pollingThread = thread;
        }
        synchronized (sleepLock) {
            sleepLock.notifyAll();
        }
        // cancel the pending long poll; repeated because a new call may start between the flag check and the cancel
        long deadline = System.nanoTime() + properties.shutdownTimeout().toNanos();
        while (pollingThread.isAlive() && System.nanoTime() < deadline) {
            http.dispatcher().cancelAll();
            try {
                pollingThread.join(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (pollingThread.isAlive()) {
            log.warn("Telegram polling thread still busy after {} (update handler slow?); leaving it behind.",
                    properties.shutdownTimeout());
        }
        confirmHandledUpdates();
        TelegramHttpClients.shutdown(http);
        health.stopped();
        log.info("Telegram polling stopped.");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Highest update_id handed to the handler, null if none yet. */
    public Integer lastHandledUpdateId() {
        return lastHandledUpdateId;
    }

    private void pollLoop(TelegramUpdateHandler handler) {
        PollingBackoff backoff = new PollingBackoff(properties.backoff());
        boolean webhookDeleted = false;
        while (running) {
            Thread.interrupted(); // a stray interrupt would make every call fail at once
            if (!awaitLeadership()) {
                continue;
            }
            String method = webhookDeleted ? GetUpdates.PATH : DeleteWebhook.PATH;
            List<Update> updates;
            try {
                if (!webhookDeleted) {
                    // getUpdates answers 409 while a webhook is set
                    client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
                    webhookDeleted = true;
                    method = GetUpdates.PATH;
                }
                updates = client.execute(nextGetUpdates());
            } catch (TelegramApiException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (!leadership.isLeader()) {
                    continue; // cut short: another instance reads the bot now
                }
                TelegramGatewayException error = TelegramErrors.map(method, e, masker);
                Duration wait = error.isUnauthorized() ? backoff.max() : backoff.next(error.retryAfter().orElse(null));
                health.pollFailed(error.getMessage());
                logPollFailure(error, wait, backoff.failures());
                sleep(wait);
                continue;
            }
            health.pollSucceeded();
            if (backoff.failures() > 0) {
                log.info("Telegram polling recovered after {} failed attempt(s).", backoff.failures());
                lastLoggedError = null;
                backoff.reset();
            }
            dispatch(updates, handler);
        }
    }

    private boolean awaitLeadership() {
        try {
            if (leadership.awaitLeadership(LEADERSHIP_CHECK)) {
                return true;
            }
            health.standby();
        } catch (InterruptedException e) {
            // stop() wakes the thread; the loop then ends
        }
        return false;
    }

    private void cancelPendingCalls() {
        OkHttpClient client = http;
        if (client != null) {
            client.dispatcher().cancelAll();
        }
    }

    private GetUpdates nextGetUpdates() {
        Integer last = lastHandledUpdateId;
        Instant lastReceived = lastUpdateReceivedAt;
        boolean stale = lastReceived != null && lastReceived.plus(OFFSET_RESET_AFTER).isBefore(clock.instant());
        return GetUpdates.builder()
                .offset(last == null || stale ? null : last + 1)
                .limit(properties.pollingLimit())
                .timeout((int) properties.pollingTimeout().toSeconds())
                .allowedUpdates(properties.allowedUpdates())
                .build();
    }

    private void dispatch(List<Update> updates, TelegramUpdateHandler handler) {
        if (updates == null || updates.isEmpty()) {
            return;
        }
        lastUpdateReceivedAt = clock.instant();
        List<Update> ordered = updates.stream()
                .filter(u -> u.getUpdateId() != null)
                .sorted(Comparator.comparing(Update::getUpdateId))
                .toList();
        for (Update update : ordered) {
            if (!running || !leadership.isLeader()) {
                return; // not handled, not confirmed: Telegram serves it again next time (to whoever reads then)
            }
            int id = update.getUpdateId();
            Integer last = lastHandledUpdateId;
            if (last != null && id <= last && last - id < 100_000) {
                log.debug("Telegram update {} already handled, skipped.", id);
                continue;
            }
            UpdateDescriptions.primeEntities(update);
            boolean handled = invoke(handler, update);
            lastHandledUpdateId = id;
            health.updateHandled(id, handled);
        }
    }

    private boolean invoke(TelegramUpdateHandler handler, Update update) {
        try {
            handler.handle(update);
            return true;
        } catch (VirtualMachineError fatal) {
            if (fatal instanceof StackOverflowError) {
                logHandlerFailure(update, fatal);
                return false;
            }
            throw fatal;
        } catch (Exception | LinkageError | AssertionError e) {
            logHandlerFailure(update, e);
            return false;
        }
    }

    private void logHandlerFailure(Update update, Throwable error) {
        log.error("Telegram update {} ({}) failed in the handler and is skipped. Raw update: {}",
                update.getUpdateId(), UpdateDescriptions.describe(update), rawJson(update), error);
    }

    private String rawJson(Update update) {
        try {
            String json = JSON.writeValueAsString(update);
            return json.length() > MAX_LOGGED_UPDATE_CHARS ? json.substring(0, MAX_LOGGED_UPDATE_CHARS) + "…" : json;
        } catch (Exception e) {
            return "<not serialisable: " + e.getClass().getSimpleName() + ">";
        }
    }

    private void logPollFailure(TelegramGatewayException error, Duration wait, int failures) {
        String summary = error.getMessage();
        Instant now = clock.instant();
        boolean first = lastLoggedError == null;
        boolean changed = !summary.equals(lastLoggedError);
        if (first || changed || !now.isBefore(lastWarningAt.plus(REPEATED_WARNING_INTERVAL))) {
            String hint = error.isUnauthorized() ? " Check TELEGRAM_BOT_TOKEN." : "";
            log.warn("Telegram polling failed ({} in a row): {}; retrying in {} ms.{}", failures, summary,
                    wait.toMillis(), hint);
            lastLoggedError = summary;
            lastWarningAt = now;
        } else {
            log.debug("Telegram polling failed ({} in a row): {}; retrying in {} ms.", failures, summary, wait.toMillis());
        }
    }

    private void sleep(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (sleepLock) {
            while (running) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    return;
                }
                try {
                    sleepLock.wait(remainingMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One getUpdates with offset = last handled + 1 and no wait: tells Telegram not to serve those again. */
    private void confirmHandledUpdates() {
        Integer last = lastHandledUpdateId;
        if (last == null) {
            return;
        }
        OkHttpClient quick = http.newBuilder().callTimeout(properties.shutdownTimeout()).build();
        TelegramClient confirmClient = new OkHttpTelegramClient(quick, properties.token(), properties.telegramUrl());
        try {
            confirmClient.execute(GetUpdates.builder().offset(last + 1).limit(1).timeout(0).build());
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Could not confirm handled Telegram updates up to {} on shutdown: {}", last,
                    TelegramErrors.map(GetUpdates.PATH, e, masker).getMessage());
        }
    }
}
