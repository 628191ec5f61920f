package fr.sommenumerique.helpdesk.telegram.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import fr.sommenumerique.helpdesk.telegram.bot.BotMenuCommand;
import fr.sommenumerique.helpdesk.telegram.bot.InlineKeyboard;
import fr.sommenumerique.helpdesk.telegram.bot.MessageContent;
import fr.sommenumerique.helpdesk.telegram.bot.ParseMode;
import fr.sommenumerique.helpdesk.telegram.bot.SentMessage;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramGateway;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramGatewayException;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramMarkdown;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessageQueued;
import fr.sommenumerique.helpdesk.ticketing.OutboxStatus;

/**
 * Delivers the TELEGRAM messages of the outbox: the assistant's replies queued by the conversation layer, the
 * staff's replies from the web UI, the bot's own messages. One thread; woken as soon as a transaction that queued a
 * Telegram message commits, else every {@code interval}. Also sets the bot's command menu once at start (retried until it works).
 *
 * <p>Order and pace: each chat's messages leave in the order they were queued (the order of the messages they
 * answer), whatever fails in between ({@link Outbox#claimDueInRecipientOrder}). A 429 postpones the message it
 * refused by exactly its {@code retry_after} (one second when absent), without using up an attempt; the chat's
 * later messages wait behind it, other chats go on, and the sender wakes up when it is due. Failures: a 403 (the
 * user blocked the bot) or another client error fails the message for good (visible to staff, who can retry it);
 * network errors and 5xx are retried by the outbox with its backoff and end the round. Texts above 4 096
 * characters go as several messages, the buttons under the last one. A MarkdownV2 text Telegram cannot parse is
 * sent again as plain text rather than failed; the parts already sent are not sent again
 * when a later part fails, even across a restart ({@link SentParts}). A message whose sending was under way when
 * the process died is not sent again by itself: the outbox fails it as uncertain, for staff.
 */
public final class TelegramOutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramOutboxSender.class);

    private final Outbox outbox;
    private final TelegramGateway gateway;
    private final MessageOptions options;
    private final FeedbackButtons feedback;
    private final TelegramDeliveryProperties properties;
    private final List<BotMenuCommand> menu;
    private final SentParts partsSent;
    private final Clock clock;

    private final Object signal = new Object();
    private boolean nudged;
    private volatile boolean running;
    private Thread thread;
    /** When the earliest postponed message is due: the sender wakes up then, not a whole interval later. */
    private volatile Instant wakeAt = Instant.MAX;
    private boolean menuSet;
    private Instant nextMenuAttempt = Instant.MIN;

    public TelegramOutboxSender(Outbox outbox, TelegramGateway gateway, MessageOptions options, FeedbackButtons feedback,
                                TelegramDeliveryProperties properties, List<BotMenuCommand> menu, SentParts partsSent,
                                Clock clock) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.options = options;
        this.feedback = feedback;
        this.properties = properties;
        this.menu = List.copyOf(menu);
        this.partsSent = partsSent;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running || !gateway.isEnabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "telegram-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread sending;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            sending = thread;
        }
        wakeUp();
        try {
            sending.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A Telegram message was queued and its transaction committed: send it now rather than at the next poll. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onQueued(OutboxMessageQueued queued) {
        if (queued.channel() == Channel.TELEGRAM) {
            wakeUp();
        }
    }

    /** Look at the outbox now (something was just queued). */
    public void wakeUp() {
        synchronized (signal) {
            nudged = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                setMenuIfNeeded();
                sendDue();
            } catch (RuntimeException e) {
                log.warn("Telegram outbox round failed, next round in {}: {}", properties.interval(), e.toString());
            }
            waitForWork();
        }
    }

    private void waitForWork() {
        synchronized (signal) {
            Duration wait = properties.interval();
            Instant now = clock.instant();
            if (wakeAt.isBefore(now.plus(wait))) {
                wait = Duration.between(now, wakeAt).isNegative() ? Duration.ZERO : Duration.between(now, wakeAt);
                wakeAt = Instant.MAX;
            }
            long deadline = System.nanoTime() + wait.toNanos();
            while (running && !nudged) {
                long millis = (deadline - System.nanoTime()) / 1_000_000;
                if (millis <= 0) {
                    break;
                }
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            nudged = false;
        }
    }

    /** Sends the due messages one by one until none is left or Telegram fails. */
    void sendDue() {
        while (running) {
            // one at a time: nothing stays claimed (leased) when a failure stops the round
            List<OutboxMessage> due = outbox.claimDueInRecipientOrder(Channel.TELEGRAM, 1);
            if (due.isEmpty() || !deliver(due.get(0))) {
                return;
            }
        }
    }

    /** @return false when sending should stop for this round */
    private boolean deliver(OutboxMessage message) {
        long chatId;
        try {
            chatId = Long.parseLong(message.recipient());
        } catch (NumberFormatException e) {
            outbox.markFailedPermanently(message.id(), "Identifiant de conversation Telegram invalide : " + message.recipient());
            return true;
        }
        MessageOptions.Options stored = options.find(message.id()).orElse(null);
        ParseMode parseMode = stored == null ? ParseMode.PLAIN : stored.parseMode();
        InlineKeyboard keyboard = stored != null && stored.keyboard() != null ? stored.keyboard()
                : feedback.forMessage(message).orElse(null);
        List<String> parts = TextChunks.split(message.textBody(), MessageContent.MAX_TEXT_LENGTH);
        if (parts.isEmpty()) {
            outbox.markFailedPermanently(message.id(), "Message vide");
            return true;
        }
        try {
            outbox.beginAttempt(message.id()); // durable before the call: a crash from here on is known to be in doubt
            SentMessage last = null;
            for (int i = partsSent.of(message.id()); i < parts.size(); i++) {
                boolean lastPart = i == parts.size() - 1;
                last = send(message.id(), chatId, new MessageContent(parts.get(i), parseMode, lastPart ? keyboard : null));
                if (!lastPart) {
                    partsSent.record(message.id(), i + 1);
                }
            }
            outbox.markSent(message.id(), last == null ? null : String.valueOf(last.messageId()));
            partsSent.forget(message.id());
            return true;
        } catch (TelegramGatewayException e) {
            return failed(message, chatId, e);
        }
    }

    /**
     * A MarkdownV2 text Telegram cannot parse (a character left unescaped, a mark cut by the split) would fail the
     * same way forever: it goes again at once as plain text, so the person gets the words without the formatting.
     */
    private SentMessage send(long outboxId, long chatId, MessageContent content) {
        try {
            return gateway.send(chatId, content);
        } catch (TelegramGatewayException e) {
            if (content.parseMode() != ParseMode.MARKDOWN_V2 || !e.isEntityParseError()) {
                throw e;
            }
            log.warn("Telegram message {} to chat {} refused as MarkdownV2 ({}); sent as plain text instead.", outboxId,
                    chatId, e.description());
            return gateway.send(chatId, new MessageContent(TelegramMarkdown.toPlainText(content.text()), ParseMode.PLAIN,
                    content.keyboard()));
        }
    }

    private boolean failed(OutboxMessage message, long chatId, TelegramGatewayException e) {
        if (e.isForbidden()) {
            partsSent.forget(message.id());
            outbox.markFailedPermanently(message.id(), "Le destinataire a bloqué le robot ou quitté la conversation : "
                    + e.getMessage());
            log.info("Telegram message {} to chat {} not delivered: the bot is blocked.", message.id(), chatId);
            return true;
        }
        if (!e.isRetryable()) {
            partsSent.forget(message.id());
            outbox.markFailedPermanently(message.id(), e.getMessage());
            log.warn("Telegram message {} to chat {} refused for good: {}", message.id(), chatId, e.getMessage());
            return true;
        }
        if (e.isTooManyRequests()) {
            Duration pause = e.retryAfter().orElse(properties.defaultPause());
            OutboxMessage postponed = outbox.postpone(message.id(), pause, e.getMessage());
            Instant due = postponed.nextAttemptAt();
            if (due != null && due.isBefore(wakeAt)) {
                wakeAt = due;
            }
            log.warn("Telegram message {} to chat {} refused (too many requests): this chat waits {} ms, until {}; "
                    + "other chats go on.", message.id(), chatId, pause.toMillis(), due);
            return true;
        }
        OutboxMessage after = outbox.markAttemptFailed(message.id(), e.getMessage());
        if (after.status() != OutboxStatus.PENDING) {
            partsSent.forget(message.id()); // attempts used up: FAILED, staff may retry it from the start
        }
        log.warn("Telegram message {} to chat {} not sent ({}); attempt {} failed, next attempt at {}.", message.id(),
                chatId, e.getMessage(), after.attempts(), after.nextAttemptAt());
        return false;
    }

    private void setMenuIfNeeded() {
        if (menuSet || menu.isEmpty() || clock.instant().isBefore(nextMenuAttempt)) {
            return;
        }
        try {
            gateway.setCommands(menu);
            menuSet = true;
            log.info("Telegram command menu set ({} commands).", menu.size());
        } catch (TelegramGatewayException e) {
            nextMenuAttempt = clock.instant().plus(properties.menuRetry());
            log.warn("Could not set the Telegram command menu ({}); retrying in {}.", e.getMessage(), properties.menuRetry());
        }
    }
}
