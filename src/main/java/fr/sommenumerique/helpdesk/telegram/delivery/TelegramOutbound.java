package fr.sommenumerique.helpdesk.telegram.delivery;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.telegram.bot.InlineKeyboard;
import fr.sommenumerique.helpdesk.telegram.bot.ParseMode;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.NewMessage;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.OutgoingMessage;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.Tickets;

/**
 * Queues the bot's own messages (command answers, guided steps, confirmations) in the persistent outbox, inside the
 * caller's transaction: a reply exists only if the effects it reports were committed, and a redelivered update
 * that is refused as a duplicate queues nothing. {@link TelegramOutboxSender} delivers them.
 */
@Component
public class TelegramOutbound {

    private final Outbox outbox;
    private final Tickets tickets;
    private final MessageOptions options;

    public TelegramOutbound(Outbox outbox, Tickets tickets, MessageOptions options) {
        this.outbox = outbox;
        this.tickets = tickets;
        this.options = options;
    }

    /** A message to the chat that belongs to no ticket. */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage toChat(long chatId, BotMessage message) {
        return enqueue(OutgoingMessage.telegram(chatId, message.text()).asAutomatic(), message);
    }

    /** A message about a ticket: also recorded on the ticket (as the assistant's), so staff see what was said. */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage onTicket(long ticketId, long chatId, BotMessage message) {
        if (message.parseMode() != ParseMode.PLAIN) {
            throw new IllegalArgumentException("messages recorded on a ticket are plain text");
        }
        tickets.addOutbound(ticketId, Tickets.ASSISTANT, NewMessage.of(Channel.TELEGRAM, message.text()).asAutomatic());
        return enqueue(OutgoingMessage.telegram(chatId, message.text()).asAutomatic().forTicket(ticketId), message);
    }

    /** A message about a subscription request. */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage onSubscription(long subscriptionId, long chatId, BotMessage message) {
        return enqueue(OutgoingMessage.telegram(chatId, message.text()).asAutomatic().forSubscription(subscriptionId),
                message);
    }

    /**
     * Buttons under the last message queued on a ticket (its reply, just queued in this transaction by the
     * conversation layer).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addButtonsToLastReply(long ticketId, InlineKeyboard keyboard) {
        List<OutboxMessage> queued = outbox.ofTicket(ticketId);
        if (!queued.isEmpty()) {
            options.save(queued.get(queued.size() - 1).id(), ParseMode.PLAIN, keyboard);
        }
    }

    /** The reference of the ticket our message {@code messageId} in that chat was about, if any. */
    public Optional<String> ticketReferenceOf(long chatId, int messageId) {
        return outbox.ticketOfDelivered(Channel.TELEGRAM, String.valueOf(chatId), String.valueOf(messageId))
                .flatMap(tickets::findById).map(Ticket::reference);
    }

    private OutboxMessage enqueue(OutgoingMessage outgoing, BotMessage message) {
        OutboxMessage queued = outbox.enqueue(outgoing);
        options.save(queued.id(), message.parseMode(), message.keyboard());
        return queued;
    }
}
