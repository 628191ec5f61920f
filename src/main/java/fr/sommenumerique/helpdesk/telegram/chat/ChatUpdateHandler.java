package fr.sommenumerique.helpdesk.telegram.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import fr.sommenumerique.helpdesk.conversation.Conversations;
import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundAttachment;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramGateway;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramGatewayException;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramUpdateHandler;
import fr.sommenumerique.helpdesk.telegram.bot.UpdateDescriptions;
import fr.sommenumerique.helpdesk.telegram.chat.ChatStates.ChatState;
import fr.sommenumerique.helpdesk.telegram.chat.ChatStates.Flow;
import fr.sommenumerique.helpdesk.telegram.delivery.BotMessage;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutboxSender;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutbound;
import fr.sommenumerique.helpdesk.ticketing.AlreadyProcessedException;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.ProcessedInbound;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import fr.sommenumerique.helpdesk.ticketing.QuarantinedItem;
import fr.sommenumerique.helpdesk.ticketing.Tickets;

/**
 * Every update from Telegram comes here, one at a time, on the polling thread.
 *
 * <ul>
 *   <li><b>Exactly once.</b> Each update is recorded in {@code processed_inbound} in the transaction of its effects
 *       and of the replies it queues: free text through {@link Conversations#handle}, commands, guided steps,
 *       buttons and edits here. Delivered again (restart before Telegram got the confirmation), it is refused as a
 *       duplicate and nothing happens twice.</li>
 *   <li><b>Nothing lost.</b> An update whose handling fails is stored raw in the quarantine (staff can retry it)
 *       and the person is told that a human will look at it; the next updates go on.</li>
 *   <li><b>Private chats only.</b> A group is told once that the bot answers in private, then ignored.</li>
 *   <li><b>Flood.</b> Beyond {@code flood-messages} per {@code flood-window} from one chat, messages are set aside
 *       in the quarantine without the assistant (a person is told once); {@link FloodReplays} hands them back, in
 *       order, once the chat has been silent for {@code flood-quiet} (later messages of the chat wait behind them;
 *       the waiting list is in the database, so a restart loses none), and neither the assistant nor the ticket
 *       queue is flooded during the burst. Edits count and are set aside likewise;
 *       button presses have an allowance of the same size, beyond which they are answered with a short notice and
 *       not acted on. Duplicates are recognised before the limit applies, and a set-aside update is recorded as
 *       such, so a redelivered backlog is neither counted nor set aside again.</li>
 * </ul>
 */
@Component
public class ChatUpdateHandler implements TelegramUpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatUpdateHandler.class);

    /** Jackson 2, the library's own: updates are stored raw in the quarantine and read back from it. */
    static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * What became of an update: {@code SET_ASIDE} a message or edit put in the quarantine by the flood limit,
     * {@code REFUSED} a button pressed beyond the limit (answered with a notice, not acted on).
     */
    public enum Result { PROCESSED, DUPLICATE, SET_ASIDE, REFUSED, FAILED }

    private static final int TRANSACTION_ATTEMPTS = 3;

    /** The outcome, with the reason of a failure. */
    public record Attempt(Result result, String failure) {
    }

    private final Conversations conversations;
    private final ProcessedInbound processed;
    private final Quarantine quarantine;
    private final Tickets tickets;
    private final ChatStates states;
    private final ChatCommands commands;
    private final ChatLinking linking;
    private final SubscriptionFlow subscriptionFlow;
    private final ServiceSummaries services;
    private final FeedbackHandler feedback;
    private final TicketChoiceButtons choiceButtons;
    private final GroupChats groups;
    private final MediaIntake media;
    private final TelegramOutbound replies;
    private final TelegramGateway gateway;
    private final ObjectProvider<TelegramOutboxSender> sender;
    private final FloodGuard flood;
    private final FloodGuard buttonFlood;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SetAsideUpdates setAside;
    private final ObjectProvider<FloodReplays> floodReplays;

    public ChatUpdateHandler(Conversations conversations, ProcessedInbound processed, Quarantine quarantine,
                             Tickets tickets, ChatStates states, ChatCommands commands, ChatLinking linking,
                             SubscriptionFlow subscriptionFlow, ServiceSummaries services, FeedbackHandler feedback,
                             TicketChoiceButtons choiceButtons, GroupChats groups, MediaIntake media, TelegramOutbound replies, TelegramGateway gateway,
                             ObjectProvider<TelegramOutboxSender> sender, SetAsideUpdates setAside,
                             ObjectProvider<FloodReplays> floodReplays, TelegramChatProperties properties,
                             PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        this.conversations = conversations;
        this.processed = processed;
        this.quarantine = quarantine;
        this.tickets = tickets;
        this.states = states;
        this.commands = commands;
        this.linking = linking;
        this.subscriptionFlow = subscriptionFlow;
        this.services = services;
        this.feedback = feedback;
        this.choiceButtons = choiceButtons;
        this.groups = groups;
        this.media = media;
        this.replies = replies;
        this.gateway = gateway;
        this.sender = sender;
        this.setAside = setAside;
        this.floodReplays = floodReplays;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.flood = new FloodGuard(properties.floodMessages(), properties.floodWindow(), this.clock);
        // presses have an allowance of their own: a guided /souscrire mixes typed answers and presses
        this.buttonFlood = new FloodGuard(properties.floodMessages(), properties.floodWindow(), this.clock);
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public void handle(Update update) {
        process(update, false);
    }

    /**
     * Handles one update. Never throws: a failure is quarantined (unless {@code retry}: the caller, which took the
     * update from the quarantine, puts it back).
     *
     * @param retry true when staff hand a quarantined update back: no flood limit, no second quarantine
     */
    public Attempt process(Update update, boolean retry) {
        try {
            return new Attempt(route(update, retry), null);
        } catch (AlreadyProcessedException duplicate) {
            log.info("Telegram update {} already processed ({}), skipped.", update.getUpdateId(), duplicate.dedupeKey());
            return new Attempt(Result.DUPLICATE, null);
        } catch (RuntimeException e) {
            String reason = "Échec du traitement de la mise à jour Telegram " + update.getUpdateId() + " : " + e;
            log.error("Telegram update {} ({}) failed{}.", update.getUpdateId(), UpdateDescriptions.describe(update),
                    retry ? "" : ", quarantined", e);
            if (!retry) {
                keepInQuarantine(update, reason);
                tellPolitely(update);
            }
            return new Attempt(Result.FAILED, reason);
        } finally {
            sender.ifAvailable(TelegramOutboxSender::wakeUp);
        }
    }

    private Result route(Update update, boolean retry) {
        if (update.hasMessage()) {
            return onMessage(update, update.getMessage(), retry);
        }
        if (update.hasEditedMessage()) {
            return onEdit(update, update.getEditedMessage(), retry);
        }
        if (update.hasCallbackQuery()) {
            return onButton(update, update.getCallbackQuery(), retry);
        }
        // my_chat_member (blocked/unblocked), channel posts, reactions…: nothing for the helpdesk
        log.debug("Telegram update {} ({}) ignored.", update.getUpdateId(), UpdateDescriptions.describe(update));
        return Result.PROCESSED;
    }

    // ------------------------------------------------------------------ messages

    private Result onMessage(Update update, Message message, boolean retry) {
        Chat chat = message.getChat();
        if (chat == null || message.getChatId() == null) {
            return Result.PROCESSED;
        }
        if (!Boolean.TRUE.equals(chat.isUserChat())) {
            onGroupMessage(update, message);
            return Result.PROCESSED;
        }
        if (message.getFrom() != null && Boolean.TRUE.equals(message.getFrom().getIsBot())) {
            return Result.PROCESSED;
        }
        ChatContext ctx = new ChatContext(update.getUpdateId(), messageKey(update, message), message.getChatId(),
                message.getMessageId(), nameOf(message.getFrom(), chat), sentAt(message));
        Optional<Result> stopped = duplicateOrFlooded(update, ctx, retry);
        if (stopped.isPresent()) {
            return stopped.get();
        }
        String repliedTicket = repliedTicket(message).orElse(null);
        if (message.hasText()) {
            onText(ctx, message.getText(), repliedTicket);
            return Result.PROCESSED;
        }
        Optional<MediaIntake.FileRef> file = MediaIntake.fileOf(message);
        if (file.isPresent()) {
            onFile(ctx, file.get(), message.getCaption(), repliedTicket);
            return Result.PROCESSED;
        }
        if (message.hasVoice() || message.hasAudio()) {
            once(ctx, "VOCAL NON PRIS EN CHARGE", () -> say(ctx, ChatTexts.UNSUPPORTED_VOICE));
        } else if (message.hasSticker() || message.hasLocation() || message.hasContact() || message.hasAnimation()
                || message.hasVideoNote() || message.hasPoll() || message.hasDice()) {
            once(ctx, "CONTENU NON PRIS EN CHARGE", () -> say(ctx, ChatTexts.UNSUPPORTED_CONTENT));
        } else {
            log.debug("Telegram update {}: service message in chat {} ignored.", ctx.updateId(), ctx.chatId());
        }
        return Result.PROCESSED;
    }

    /** A reply to one of our messages about a ticket: the person's choice of conversation. */
    private Optional<String> repliedTicket(Message message) {
        Message replied = message.getReplyToMessage();
        if (replied == null || replied.getMessageId() == null || replied.getFrom() == null
                || !Boolean.TRUE.equals(replied.getFrom().getIsBot())) {
            return Optional.empty();
        }
        return replies.ticketReferenceOf(message.getChatId(), replied.getMessageId());
    }

    private void onText(ChatContext ctx, String text, String repliedTicket) {
        Optional<Command> command = Command.parse(text);
        if (command.isPresent()) {
            once(ctx, "COMMANDE /" + command.get().name(), () -> commands.run(ctx, command.get()));
            return;
        }
        Optional<ChatState> state = states.current(ctx.chatId(), clock.instant());
        if (state.isPresent()) {
            ChatState s = state.get();
            once(ctx, "ÉTAPE " + s.flow() + " " + s.step(), () -> {
                if (s.flow() == Flow.LINK) {
                    linking.onText(ctx, s, text);
                } else {
                    subscriptionFlow.onText(ctx, s, text);
                }
            });
            return;
        }
        conversation(ctx, text, null, List.of(), null, repliedTicket);
    }

    private void onFile(ChatContext ctx, MediaIntake.FileRef file, String caption, String repliedTicket) {
        boolean hasCaption = caption != null && !caption.isBlank();
        InboundAttachment attachment = null;
        Long refusedSize = null;
        if (MediaIntake.declaredTooLarge(file)) {
            refusedSize = file.size();
        } else {
            try {
                attachment = media.download(file);
            } catch (MediaIntake.TooLarge e) {
                refusedSize = e.size;
            }
        }
        if (refusedSize != null) {
            BotMessage refusal = BotMessage.plain(ChatTexts.fileTooLarge(file.kind(), refusedSize));
            log.info("Telegram chat {}: {} of {} bytes refused (over 20 MB).", ctx.chatId(), file.kind(), refusedSize);
            if (!hasCaption) {
                once(ctx, "FICHIER TROP VOLUMINEUX", () -> replies.toChat(ctx.chatId(), refusal));
                return;
            }
            // the words still count: they go to the assistant, with a trace of the file that did not come
            conversation(ctx, caption + "\n\n[Fichier non reçu, plus de 20 Mo : " + file.fileName() + " ("
                    + ChatTexts.megabytes(refusedSize) + ")]", null, List.of(), refusal, repliedTicket);
            return;
        }
        // a file without words: nothing for the assistant to read, the placeholder is what staff see
        conversation(ctx, hasCaption ? caption : "", hasCaption ? null : MediaIntake.placeholder(file),
                List.of(attachment), null, repliedTicket);
    }

    /**
     * Free text (and files) to the conversation layer, in one transaction with what the channel adds: {@code before},
     * a message of ours to queue first, and the two choice buttons when the person is asked where the message goes.
     *
     * @param shown         what staff see instead of {@code text} when it is empty (a file's placeholder), or null
     * @param repliedTicket the reference of the ticket of the message the person replied to, or null
     */
    private void conversation(ChatContext ctx, String text, String shown, List<InboundAttachment> attachments,
                              BotMessage before, String repliedTicket) {
        StringBuilder fingerprint = new StringBuilder(shown == null ? text : shown);
        attachments.forEach(a -> fingerprint.append('\n').append(ProcessedInbound.sha256(a.data())));
        InboundMessage message = InboundMessage.telegram(ctx.dedupeKey(), ctx.chatId(), ctx.senderName(), text)
                .withBody(text, null, shown == null ? text : shown, null)
                .withThreading(null, null, List.of(), repliedTicket)
                .withOrigin(ctx.externalRef(), ProcessedInbound.sha256(fingerprint.toString()), ctx.receivedAt())
                .withAttachments(attachments);
        HandlingResult result = retryingTransientFailures(() -> tx.execute(status -> {
            if (before != null) {
                replies.toChat(ctx.chatId(), before);
            }
            HandlingResult handled = conversations.handle(message);
            if (handled.proposedTicket() != null && handled.ticketId() != null) {
                replies.addButtonsToLastReply(handled.ticketId(),
                        TicketChoiceButtons.keyboard(handled.ticketId(), handled.proposedTicket()));
            }
            return handled;
        }));
        log.info("Telegram chat {} message {}: {}{}", ctx.chatId(), ctx.messageId(), result.outcome(),
                result.ticketReference() == null ? "" : " " + result.ticketReference());
    }

    /**
     * Runs the conversation's transaction again when the database gave up on it for a reason that passes (a deadlock
     * victim, a lock wait timed out): it was rolled back whole, so a new try is safe. Third failure: thrown, so the
     * update is quarantined as any other failure.
     */
    private <T> T retryingTransientFailures(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (TransientDataAccessException e) {
                if (attempt == TRANSACTION_ATTEMPTS) {
                    throw e;
                }
                log.info("Telegram: transaction retried after a passing database failure ({})", e.getClass().getSimpleName());
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    // ------------------------------------------------------------------ edits, buttons, groups

    /** Edits count against the same allowance as messages, and are set aside the same way. */
    private Result onEdit(Update update, Message message, boolean retry) {
        if (message.getChat() == null || !Boolean.TRUE.equals(message.getChat().isUserChat())) {
            return Result.PROCESSED;
        }
        String text = message.hasText() ? message.getText() : message.getCaption();
        if (text == null) {
            return Result.PROCESSED;
        }
        ChatContext ctx = new ChatContext(update.getUpdateId(), messageKey(update, message) + ":edit:"
                + message.getEditDate(), message.getChatId(), message.getMessageId(),
                nameOf(message.getFrom(), message.getChat()), sentAt(message));
        Optional<Result> stopped = duplicateOrFlooded(update, ctx, retry);
        if (stopped.isPresent()) {
            return stopped.get();
        }
        once(ctx, "MODIFICATION", () -> {
            if (tickets.updateMessageText(ctx.externalRef(), text).isPresent()) {
                log.info("Telegram chat {}: message {} edited, ticket message updated.", ctx.chatId(), ctx.messageId());
            } else {
                log.info("Telegram chat {}: edited message {} is on no ticket (command or answer to a step), ignored.",
                        ctx.chatId(), ctx.messageId());
            }
        });
        return Result.PROCESSED;
    }

    /**
     * Beyond the allowance a press is answered with a short notice and not acted on (recorded, so a redelivery does
     * not act on it later either): nothing is lost, the person presses again a moment later.
     */
    private Result onButton(Update update, CallbackQuery query, boolean retry) {
        MaybeInaccessibleMessage message = query.getMessage();
        if (message == null || message.getChat() == null) {
            answer(query, CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED));
            return Result.PROCESSED;
        }
        if (!Boolean.TRUE.equals(message.getChat().isUserChat())) {
            answer(query, CallbackAnswer.notice(ChatTexts.PRIVATE_ONLY));
            return Result.PROCESSED;
        }
        String data = query.getData() == null ? "" : query.getData();
        ChatContext ctx = new ChatContext(update.getUpdateId(), "update:" + update.getUpdateId() + ":cb:" + query.getId(),
                message.getChatId(), message.getMessageId(), nameOf(query.getFrom(), message.getChat()), clock.instant());
        if (seenBefore(ctx, retry)) {
            return Result.DUPLICATE;
        }
        if (!retry && buttonFlood.admit(ctx.chatId()) != FloodGuard.Verdict.ALLOWED) {
            once(ctx, "BOUTON IGNORÉ (TROP D'APPUIS) " + data, () -> { });
            log.warn("Telegram chat {}: button flood limit reached, press {} ({}) refused.", ctx.chatId(),
                    ctx.updateId(), data);
            answer(query, CallbackAnswer.notice(ChatTexts.BUTTON_FLOOD));
            return Result.REFUSED;
        }
        CallbackAnswer answer = once(ctx, "BOUTON " + data, () -> {
            if (FeedbackHandler.handles(data)) {
                return feedback.onButton(ctx, data);
            }
            if (data.startsWith(TicketChoiceButtons.PREFIX)) {
                return choiceButtons.onButton(ctx, data);
            }
            if (data.startsWith(ChatCommands.CLOSE_PREFIX)) {
                return commands.onCloseButton(ctx, data);
            }
            if (data.startsWith(ServiceSummaries.PREFIX)) {
                return services.summary(data).map(summary -> {
                    replies.toChat(ctx.chatId(), summary);
                    return CallbackAnswer.quiet();
                }).orElse(CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED));
            }
            if (data.startsWith(SubscriptionFlow.PREFIX)) {
                return subscriptionFlow.onButton(ctx, data);
            }
            return CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED).removingButtons();
        });
        answer(query, answer);
        return Result.PROCESSED;
    }

    /** After commit: stops the button's spinner, and updates or removes the buttons. Best effort. */
    private void answer(CallbackQuery query, CallbackAnswer answer) {
        try {
            gateway.answerCallback(query.getId(), answer.notice(), answer.alert());
        } catch (TelegramGatewayException e) {
            log.debug("Telegram callback {} not answered: {}", query.getId(), e.getMessage());
        }
        MaybeInaccessibleMessage message = query.getMessage();
        if (answer.keyboard() == null || message == null || message.getChatId() == null) {
            return;
        }
        try {
            gateway.editKeyboard(message.getChatId(), message.getMessageId(), answer.keyboard());
        } catch (TelegramGatewayException e) {
            if (!e.isMessageNotModified()) {
                log.info("Buttons of Telegram message {} in chat {} not updated: {}", message.getMessageId(),
                        message.getChatId(), e.getMessage());
            }
        }
    }

    private void onGroupMessage(Update update, Message message) {
        Chat chat = message.getChat();
        ChatContext ctx = new ChatContext(update.getUpdateId(), messageKey(update, message), message.getChatId(),
                message.getMessageId(), chat.getTitle(), sentAt(message));
        once(ctx, "GROUPE IGNORÉ", () -> {
            if (groups.firstSeen(ctx.chatId(), chat.getType(), chat.getTitle(), clock.instant())) {
                log.info("Telegram group {} ({}) told that the bot works in private chats only.", ctx.chatId(),
                        chat.getType());
                say(ctx, ChatTexts.GROUP_NOTICE);
            }
        });
    }

    // ------------------------------------------------------------------ failures

    /**
     * An update seen before, or one over the chat's flood limit or behind a backlog (set aside): it goes no further.
     * Duplicates are checked first: a redelivered update (restart before Telegram got the confirmation) must neither
     * use up the chat's allowance nor be set aside a second time. An update set aside earlier counts as seen, except
     * when it is handed back from the quarantine ({@code retry}).
     */
    private Optional<Result> duplicateOrFlooded(Update update, ChatContext ctx, boolean retry) {
        if (seenBefore(ctx, retry)) {
            return Optional.of(Result.DUPLICATE);
        }
        if (!retry) {
            if (setAside.hasPending(ctx.chatId())) {
                // the burst's backlog is handled first: this one waits behind it, to keep the chat's order
                setAside(update, ctx, false);
                return Optional.of(Result.SET_ASIDE);
            }
            FloodGuard.Verdict verdict = flood.admit(ctx.chatId());
            if (verdict != FloodGuard.Verdict.ALLOWED) {
                setAside(update, ctx, verdict == FloodGuard.Verdict.LIMITED_FIRST);
                return Optional.of(Result.SET_ASIDE);
            }
        }
        return Optional.empty();
    }

    private boolean seenBefore(ChatContext ctx, boolean retry) {
        boolean processedBefore = processed.isProcessed(Channel.TELEGRAM, ctx.dedupeKey());
        boolean setAsideBefore = !retry && processed.isProcessed(Channel.TELEGRAM, setAsideKey(ctx));
        if (processedBefore || setAsideBefore) {
            log.info("Telegram update {} already {}, skipped.", ctx.updateId(),
                    processedBefore ? "processed" : "set aside in the quarantine");
            return true;
        }
        return false;
    }

    /**
     * The raw update goes to the quarantine first (its own transaction, so it is safe whatever follows), then the
     * update is recorded as set aside, with the notice, in one transaction. Its own key, not the message's: a staff
     * retry must still be able to process the message. A crash between the two commits can only leave the update
     * quarantined twice, never lost.
     */
    private void setAside(Update update, ChatContext ctx, boolean tell) {
        QuarantinedItem item = quarantine.store(Channel.TELEGRAM, raw(update), "Trop de messages de cette conversation "
                + "(plus de " + flood.capacity() + " en " + flood.window().toSeconds() + " s) : message mis de côté, "
                + "traité automatiquement dans l'ordre une fois la rafale passée. « Relancer » le traite tout de suite.",
                sourceRef(update));
        log.warn("Telegram chat {}: flood limit reached, update {} set aside in the quarantine.", ctx.chatId(),
                ctx.updateId());
        tx.executeWithoutResult(status -> {
            processed.markProcessed(Channel.TELEGRAM, setAsideKey(ctx), ctx.externalRef(), null, null,
                    "MIS DE CÔTÉ (TROP DE MESSAGES)");
            setAside.record(item.id(), ctx.chatId(), ctx.updateId(), clock.instant());
            if (tell) {
                say(ctx, ChatTexts.FLOOD);
            }
        });
        floodReplays.ifAvailable(replays -> replays.afterSetAside(ctx.chatId()));
    }

    private static String setAsideKey(ChatContext ctx) {
        return ctx.dedupeKey() + ":set-aside";
    }

    private void keepInQuarantine(Update update, String reason) {
        try {
            quarantine.store(Channel.TELEGRAM, raw(update), reason, sourceRef(update));
        } catch (RuntimeException e) {
            log.error("Telegram update {} could not even be quarantined; raw update: {}", update.getUpdateId(),
                    new String(raw(update), java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    private void tellPolitely(Update update) {
        Optional<Long> chat = privateChatOf(update);
        if (update.hasCallbackQuery()) {
            answer(update.getCallbackQuery(), CallbackAnswer.alert(ChatTexts.QUARANTINED));
        }
        if (chat.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> replies.toChat(chat.get(), BotMessage.plain(ChatTexts.QUARANTINED)));
        } catch (RuntimeException queueFailed) {
            try {
                gateway.sendText(chat.get(), ChatTexts.QUARANTINED);
            } catch (RuntimeException sendFailed) {
                log.warn("Telegram chat {} could not be told that its message was quarantined: {}", chat.get(),
                        sendFailed.getMessage());
            }
        }
    }

    private static Optional<Long> privateChatOf(Update update) {
        Message message = update.hasMessage() ? update.getMessage()
                : update.hasEditedMessage() ? update.getEditedMessage() : null;
        if (message != null && message.getChat() != null && Boolean.TRUE.equals(message.getChat().isUserChat())) {
            return Optional.ofNullable(message.getChatId());
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null
                && update.getCallbackQuery().getMessage().getChat() != null
                && Boolean.TRUE.equals(update.getCallbackQuery().getMessage().getChat().isUserChat())) {
            return Optional.ofNullable(update.getCallbackQuery().getMessage().getChatId());
        }
        return Optional.empty();
    }

    static Update fromRaw(byte[] raw) throws java.io.IOException {
        return JSON.readValue(raw, Update.class);
    }

    static byte[] raw(Update update) {
        try {
            return JSON.writeValueAsBytes(update);
        } catch (Exception e) {
            return ("{\"update_id\":" + update.getUpdateId() + ",\"error\":\"not serialisable: "
                    + e.getClass().getSimpleName() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String sourceRef(Update update) {
        return "update " + update.getUpdateId() + " (" + UpdateDescriptions.describe(update) + ")";
    }

    // ------------------------------------------------------------------ helpers

    /** Runs {@code work} in one transaction with the record that the update was processed. */
    private <T> T once(ChatContext ctx, String outcome, Supplier<T> work) {
        return tx.execute(status -> {
            processed.markProcessed(Channel.TELEGRAM, ctx.dedupeKey(), ctx.externalRef(), null, null, outcome);
            return work.get();
        });
    }

    private void once(ChatContext ctx, String outcome, Runnable work) {
        once(ctx, outcome, () -> {
            work.run();
            return null;
        });
    }

    private void say(ChatContext ctx, String text) {
        replies.toChat(ctx.chatId(), BotMessage.plain(text));
    }

    /**
     * The update id (what a redelivery repeats) with the chat and message ids (what identifies the message for
     * good: Telegram may restart update ids after a week without updates).
     */
    private static String messageKey(Update update, Message message) {
        return "update:" + update.getUpdateId() + ":" + message.getChatId() + ":" + message.getMessageId();
    }

    private Instant sentAt(Message message) {
        return message.getDate() == null ? clock.instant() : Instant.ofEpochSecond(message.getDate());
    }

    static String nameOf(User user, Chat chat) {
        if (user != null) {
            String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName())).strip();
            if (!name.isEmpty()) {
                return name;
            }
            if (user.getUserName() != null) {
                return "@" + user.getUserName();
            }
        }
        return chat == null ? null : chat.getTitle();
    }

}
