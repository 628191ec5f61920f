package fr.sommenumerique.helpdesk.telegram.chat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.objects.Update;

import fr.sommenumerique.helpdesk.cluster.PollerLeadership;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramConfiguration;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramGateway;
import fr.sommenumerique.helpdesk.telegram.chat.SetAsideUpdates.Pending;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
import fr.sommenumerique.helpdesk.ticketing.QuarantinedItem;

/**
 * Hands back, in update order, the updates a chat's flood limit set aside, once the chat has sent nothing for
 * {@code flood-quiet}. What is waiting is read from the database ({@link SetAsideUpdates}), so a restart replays what
 * was left, at start. Exactly once: an update already processed (by staff's « Relancer », or before a crash that came
 * before its row was marked) is refused by the processed-update record and only marked. An update that fails stays
 * in the quarantine for staff, with the new reason, and is not replayed again by itself.
 *
 * <p>With several instances on one database, only the one reading the bot replays (its leadership is checked before
 * each update); an instance that takes the bot over picks up what is waiting, as at start.
 *
 * <p>One thread, started when there is something to replay and gone after a second of idleness; none after
 * {@link #stop()}.
 */
@Component
public class FloodReplays implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FloodReplays.class);

    private final SetAsideUpdates setAside;
    private final Quarantine quarantine;
    private final ChatUpdateHandler handler;
    private final TelegramGateway gateway;
    private final PollerLeadership leadership;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration quiet;
    /** Chats with a look already planned: one per chat is enough. */
    private final Set<Long> planned = ConcurrentHashMap.newKeySet();
    private ScheduledThreadPoolExecutor executor;

    FloodReplays(SetAsideUpdates setAside, Quarantine quarantine, ChatUpdateHandler handler, TelegramGateway gateway,
                 @Qualifier(TelegramConfiguration.BOT_LEADERSHIP) PollerLeadership leadership,
                 TelegramChatProperties properties, PlatformTransactionManager transactions,
                 ObjectProvider<Clock> clock) {
        this.setAside = setAside;
        this.quarantine = quarantine;
        this.handler = handler;
        this.gateway = gateway;
        this.leadership = leadership;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.quiet = properties.floodQuiet();
        leadership.onGranted(this::pickUpWaiting);
    }

    /** Starts with what a previous run left waiting, if this instance reads the bot (else once it does). */
    @Override
    public synchronized void start() {
        if (executor != null || !gateway.isEnabled()) {
            return;
        }
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "telegram-flood-replay");
            t.setDaemon(true);
            return t;
        });
        executor.setKeepAliveTime(1, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        pickUpWaiting();
    }

    @Override
    public void stop() {
        ScheduledThreadPoolExecutor stopping;
        synchronized (this) {
            stopping = executor;
            executor = null;
            planned.clear();
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdownNow();
        try {
            stopping.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Every chat with updates waiting, looked at now (on the replay thread) if this instance reads the bot. */
    private synchronized void pickUpWaiting() {
        if (executor == null) {
            return; // not started: start() picks them up
        }
        executor.execute(() -> {
            try {
                if (leadership.isLeader()) {
                    setAside.chatsWithPending().forEach(chat -> plan(chat, Duration.ZERO));
                }
            } catch (RuntimeException e) {
                log.warn("Set-aside Telegram updates not picked up yet: {}", e.toString());
            }
        });
    }

    /** An update of the chat was just set aside: look again once the chat may have gone quiet. */
    void afterSetAside(long chatId) {
        plan(chatId, quiet);
    }

    private synchronized void plan(long chatId, Duration delay) {
        if (executor != null && planned.add(chatId)) {
            executor.schedule(() -> replay(chatId), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The chat's waiting updates, in order, if its burst is over; otherwise a look later. Nothing while another
     * instance reads the bot: the rest stays waiting for whoever leads (this one again: picked up when granted).
     */
    void replay(long chatId) {
        planned.remove(chatId);
        try {
            if (!leadership.isLeader()) {
                return;
            }
            Optional<Instant> latest = setAside.lastSetAside(chatId);
            if (latest.isEmpty()) {
                return;
            }
            Instant over = latest.get().plus(quiet);
            Instant now = clock.instant();
            if (over.isAfter(now)) {
                plan(chatId, Duration.between(now, over));
                return;
            }
            for (Pending pending : setAside.pending(chatId)) {
                if (Thread.currentThread().isInterrupted() || !leadership.isLeader()) {
                    return; // stopping, or the bot taken over: the rest is replayed by whoever reads it next
                }
                replay(pending);
            }
        } catch (RuntimeException e) {
            // the database, most likely: the order must hold, so the rest waits for the next look
            log.warn("Set-aside Telegram updates of chat {} not replayed yet: {}", chatId, e.toString());
            plan(chatId, quiet);
        }
    }

    /**
     * Like staff's « Relancer »: the item is marked handed back first, then processed; a failure puts it back with its
     * reason. The row is marked last: a crash before that replays the update again at start, refused as processed.
     */
    private void replay(Pending pending) {
        long id = pending.quarantineId();
        boolean discarded = quarantine.byId(id).map(QuarantinedItem::status).orElse(QuarantineStatus.DISCARDED)
                == QuarantineStatus.DISCARDED;
        String failure = null;
        if (discarded) {
            log.info("Set-aside Telegram update {} (quarantine item {}) discarded by staff, not replayed.",
                    pending.updateId(), id);
        } else {
            tx.executeWithoutResult(status -> quarantine.markReplayed(id));
            failure = process(id);
        }
        String failed = failure;
        tx.executeWithoutResult(status -> {
            if (failed != null) {
                quarantine.failedAgain(id, failed);
            }
            setAside.markReplayed(id, clock.instant());
        });
    }

    /** Processes the raw update; the reason when it failed, else null. */
    private String process(long id) {
        Update update;
        try {
            update = ChatUpdateHandler.fromRaw(quarantine.raw(id).orElseThrow());
        } catch (IOException e) {
            return "Mise à jour Telegram illisible : " + e.getMessage();
        }
        ChatUpdateHandler.Attempt attempt = handler.process(update, true);
        log.info("Set-aside Telegram update {} (quarantine item {}) replayed: {}", update.getUpdateId(), id,
                attempt.result());
        return attempt.result() == ChatUpdateHandler.Result.FAILED ? attempt.failure() : null;
    }
}
