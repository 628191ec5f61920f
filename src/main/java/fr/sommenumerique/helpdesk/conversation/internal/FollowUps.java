package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.conversation.ConversationSettings;
import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A message that continues a conversation the policy found: added to an open ticket, reopening a finished one
 * within the reopen window (a bare « merci » never does), or kept as a note on a subscription request.
 */
@Component
public class FollowUps {

    private final Tickets tickets;
    private final Subscriptions subscriptions;
    private final NewConversations newConversations;
    private final OutboundMessages outbound;
    private final ReplyComposer replies;
    private final ConversationSettings settings;
    private final Clock clock;

    FollowUps(Tickets tickets, Subscriptions subscriptions, NewConversations newConversations,
              OutboundMessages outbound, ReplyComposer replies, ConversationSettings settings, Optional<Clock> clock) {
        this.tickets = tickets;
        this.subscriptions = subscriptions;
        this.newConversations = newConversations;
        this.outbound = outbound;
        this.replies = replies;
        this.settings = settings;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public HandlingResult continueTicket(Ticket ticket, Contact contact, InboundMessage message) {
        if (ticket.isActive()) {
            tickets.addInbound(ticket.id(), contact.id(), InboundRecords.of(message));
            boolean replied = false;
            if (message.channel() == Channel.TELEGRAM && outbound.mayAutoReply(contact, Channel.TELEGRAM)) {
                outbound.sendOnTicket(ticket, contact, Tickets.ASSISTANT, replies.addedToOpenTicket(ticket), true, null);
                replied = true;
            }
            return HandlingResult.onTicket(HandlingResult.Outcome.ADDED_TO_TICKET, ticket, null, replied);
        }
        if (Acknowledgements.isBare(message.text())) {
            tickets.addNote(ticket.id(), Tickets.SYSTEM, "Message de " + contact.label()
                    + " reçu sur la demande terminée, sans la rouvrir : « " + message.text().strip() + " »");
            return HandlingResult.onTicket(HandlingResult.Outcome.ACKNOWLEDGEMENT, ticket, null, false);
        }
        Instant finishedAt = ticket.closedAt() != null ? ticket.closedAt() : ticket.resolvedAt();
        if (finishedAt != null && finishedAt.plus(settings.reopenWindow()).isBefore(clock.instant())) {
            return newConversations.start(message, contact, newConversations.decide(message, contact), ticket.id());
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            tickets.reopen(ticket.id(), Tickets.SYSTEM);
        }
        tickets.addInbound(ticket.id(), contact.id(), InboundRecords.of(message));
        Ticket reopened = tickets.findById(ticket.id()).orElseThrow();
        boolean replied = outbound.replyAutomatically(reopened, contact, message,
                replies.reopenAcknowledgement(reopened, message.channel()));
        return HandlingResult.onTicket(HandlingResult.Outcome.TICKET_REOPENED, reopened, null, replied);
    }

    /**
     * A reply about a subscription request never starts a new conversation with the assistant: it is kept as a
     * note on the request for the staff who examine it. Once the request is decided nobody looks at it any more,
     * so a message saying more than « merci » also opens a ticket for a human, without automatic answer.
     */
    public HandlingResult continueSubscription(SubscriptionRequest request, Contact contact, InboundMessage message) {
        subscriptions.addStaffNote(request.id(), "Message de " + contact.label() + " (" + message.channel().label()
                + ") : « " + InboundRecords.summary(message) + " »", AuditLog.contactActor(contact.id()));
        if (!request.status().isDecided() || Acknowledgements.isBare(message.text())) {
            return new HandlingResult(HandlingResult.Outcome.ADDED_TO_SUBSCRIPTION, null, request.reference(),
                    request.id(), null, false);
        }
        return newConversations.openForHuman(message, contact, "Message au sujet de la demande " + request.reference()
                + " (" + request.status().label().toLowerCase(Locale.ROOT) + ") : aucune réponse automatique envoyée.");
    }
}
