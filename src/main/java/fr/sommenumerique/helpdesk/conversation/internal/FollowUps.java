package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.conversation.ConversationSettings;
import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Commune;
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

    /** « Précision : c'est pour la mairie de Rue » — a longer message says something of its own. */
    private static final int BARE_PRECISION_WORDS = 10;

    private final Tickets tickets;
    private final Senders senders;
    private final Subscriptions subscriptions;
    private final NewConversations newConversations;
    private final OutboundMessages outbound;
    private final ReplyComposer replies;
    private final ConversationSettings settings;
    private final Clock clock;

    FollowUps(Tickets tickets, Senders senders, Subscriptions subscriptions, NewConversations newConversations,
              OutboundMessages outbound, ReplyComposer replies, ConversationSettings settings, Optional<Clock> clock) {
        this.tickets = tickets;
        this.senders = senders;
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
        if (Acknowledgements.isBare(message.readText())) {
            tickets.addNote(ticket.id(), Tickets.SYSTEM, "Message de " + contact.label()
                    + " reçu sur la demande terminée, sans la rouvrir : « " + message.readText().strip() + " »");
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
     * A greeting or a thank-you alone opens nothing: a greeting gets a short prompt (the next message is treated as
     * the first), a thank-you a short reply and a note on the conversation it thanks for, if any, for staff to see.
     */
    public HandlingResult courtesy(Placement.Courtesy courtesy, Contact contact, InboundMessage message) {
        if (!courtesy.greeting() && courtesy.recent() != null) {
            tickets.addNote(courtesy.recent().id(), Tickets.SYSTEM, "Message de " + contact.label()
                    + ", sans autre demande : « " + message.text().strip() + " »");
        }
        boolean replied = outbound.mayAutoReply(contact, message.channel());
        if (replied) {
            outbound.sendToContact(contact, message.channel(), null, null,
                    courtesy.greeting() ? replies.greetingPrompt() : replies.thanksReply(), true, null, null);
        }
        Long ticketId = courtesy.greeting() || courtesy.recent() == null ? null : courtesy.recent().id();
        return new HandlingResult(HandlingResult.Outcome.COURTESY, ticketId,
                ticketId == null ? null : courtesy.recent().reference(), null, null, replied);
    }

    /**
     * A precision or a file without words completes the most recent conversation: the commune it names becomes the
     * ticket's, the file is added; an open ticket gets the message, a finished one a note (a file reopens it: it
     * shows what still goes wrong). With no conversation to complete, a file becomes a ticket for an agent and a
     * named commune the person's (when the message says little more); anything else is empty: the message is read
     * as a question of its own.
     */
    public Optional<HandlingResult> precision(Ticket ticket, Contact contact, InboundMessage message) {
        boolean file = !message.attachments().isEmpty();
        Optional<Commune> named = senders.communeNamedIn(message.text());
        if (ticket == null) {
            if (file) {
                return Optional.of(newConversations.openForFile(message, contact));
            }
            // « c'est pour la commune de Biarre : le compte de l'ancien maire est à fermer … » says more than its
            // commune: with no conversation to complete, it is a message of its own for the assistant.
            if (named.isEmpty() || !outbound.mayAutoReply(contact, message.channel())
                    || message.text().strip().split("\\s+").length > BARE_PRECISION_WORDS) {
                return Optional.empty();
            }
            outbound.sendToContact(contact, message.channel(), null, null, replies.communeNoted(named.get().name()),
                    true, null, null);
            return Optional.of(new HandlingResult(HandlingResult.Outcome.COURTESY, null, null, null, null, true));
        }
        named.filter(c -> !c.inseeCode().equals(ticket.communeInsee()))
                .ifPresent(c -> tickets.changeCommune(ticket.id(), c.inseeCode(), AuditLog.contactActor(contact.id())));
        if (!ticket.isActive() && file) {
            return Optional.of(continueTicket(ticket, contact, message));
        }
        if (ticket.isActive()) {
            tickets.addInbound(ticket.id(), contact.id(), InboundRecords.of(message));
        } else {
            tickets.addNote(ticket.id(), Tickets.SYSTEM, "Précision de " + contact.label() + " après la réponse : « "
                    + message.text().strip() + " »");
        }
        Ticket updated = tickets.findById(ticket.id()).orElseThrow();
        boolean replied = outbound.mayAutoReply(contact, message.channel());
        if (replied) {
            outbound.sendOnTicket(updated, contact, Tickets.ASSISTANT, replies.precisionAdded(updated,
                    named.map(Commune::name).orElse(null), file), true, null);
        }
        return Optional.of(HandlingResult.onTicket(HandlingResult.Outcome.ADDED_TO_TICKET, updated, null, replied));
    }

    /**
     * A message the channel hands over to staff (an invitation) joins its ticket with the channel's note, bringing a
     * finished ticket back to staff; it is never answered automatically. A closed ticket is not reopened: the message
     * opens a ticket of its own.
     */
    public HandlingResult handOver(Ticket ticket, Contact contact, InboundMessage message) {
        if (ticket.status() == TicketStatus.CLOSED) {
            return newConversations.openForHuman(message, contact, message.handover());
        }
        boolean active = ticket.isActive();
        tickets.addInbound(ticket.id(), contact.id(), InboundRecords.of(message));
        tickets.addNote(ticket.id(), Tickets.SYSTEM, message.handover());
        return HandlingResult.onTicket(active ? HandlingResult.Outcome.ADDED_TO_TICKET : HandlingResult.Outcome.TICKET_REOPENED,
                tickets.findById(ticket.id()).orElseThrow(), null, false);
    }

    /**
     * A reply about a subscription request never starts a new conversation with the assistant: it is kept as a
     * note on the request for the staff who examine it. Once the request is decided nobody looks at it any more,
     * so a message saying more than « merci » also opens a ticket for a human, without automatic answer.
     */
    public HandlingResult continueSubscription(SubscriptionRequest request, Contact contact, InboundMessage message) {
        subscriptions.addStaffNote(request.id(), "Message de " + contact.label() + " (" + message.channel().label()
                + ") : « " + InboundRecords.summary(message) + " »", AuditLog.contactActor(contact.id()));
        if (!request.status().isDecided() || Acknowledgements.isBare(message.readText())) {
            return new HandlingResult(HandlingResult.Outcome.ADDED_TO_SUBSCRIPTION, null, request.reference(),
                    request.id(), null, false);
        }
        return newConversations.openForHuman(message, contact, "Message au sujet de la demande " + request.reference()
                + " (" + request.status().label().toLowerCase(Locale.ROOT) + ") : aucune réponse automatique envoyée.");
    }
}
