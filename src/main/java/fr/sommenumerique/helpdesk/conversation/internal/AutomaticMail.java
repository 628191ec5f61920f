package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.conversation.Automation;
import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Mail sent by a machine: never answered, never reopening anything, but kept where staff will see it. */
@Component
public class AutomaticMail {

    private final Contacts contacts;
    private final Tickets tickets;
    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final Senders senders;
    private final NewConversations newConversations;

    AutomaticMail(Contacts contacts, Tickets tickets, Subscriptions subscriptions, Outbox outbox, Senders senders,
                  NewConversations newConversations) {
        this.contacts = contacts;
        this.tickets = tickets;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.senders = senders;
        this.newConversations = newConversations;
    }

    /** A delivery failure: the addresses are marked as failing, and the ticket it is about gets a note. */
    public HandlingResult bounce(InboundMessage message) {
        for (String address : message.failedRecipients()) {
            contacts.markEmailFailing(address, message.automationReason() == null
                    ? "Retour en erreur (message non distribué)" : message.automationReason());
        }
        Optional<Ticket> ticket = tickets.findByEmailMessageIds(message.threadIds());
        ticket.ifPresent(t -> tickets.addNote(t.id(), Tickets.SYSTEM, "Message non distribué à "
                + String.join(", ", message.failedRecipients()) + " : " + InboundRecords.summary(message)));
        return new HandlingResult(HandlingResult.Outcome.BOUNCE, ticket.map(Ticket::id).orElse(null),
                ticket.map(Ticket::reference).orElse(null), null, null, false);
    }

    /** An automatic reply or an out-of-office: a note on its ticket, if it has one. */
    public HandlingResult automaticReply(InboundMessage message) {
        Optional<Ticket> ticket = tickets.findByEmailMessageIds(message.threadIds())
                .or(() -> Optional.ofNullable(message.ticketReference()).flatMap(tickets::findByReference));
        ticket.ifPresent(t -> tickets.addNote(t.id(), Tickets.SYSTEM, "Réponse automatique reçue de "
                + message.senderAddress() + " (" + (message.automation() == Automation.OUT_OF_OFFICE
                ? "absence" : "réponse automatique") + ") : " + InboundRecords.summary(message)));
        return new HandlingResult(HandlingResult.Outcome.AUTOMATIC_REPLY, ticket.map(Ticket::id).orElse(null),
                ticket.map(Ticket::reference).orElse(null), null, null, false);
    }

    /**
     * Only the subject looks automatic: never answered, never reopening anything, but never lost either. On a
     * ticket it is kept as a note, like a real automatic reply; with no ticket it opens one for a human, since it
     * may well be a person's question with an unlucky subject.
     */
    public HandlingResult likelyAutomaticReply(InboundMessage message) {
        Optional<Ticket> thread = tickets.findByEmailMessageIds(message.threadIds())
                .or(() -> Optional.ofNullable(message.ticketReference()).flatMap(tickets::findByReference))
                .flatMap(t -> tickets.resolveMerged(t.id()));
        if (thread.isPresent()) {
            tickets.addNote(thread.get().id(), Tickets.SYSTEM, "Message probablement automatique (d'après son objet) reçu de "
                    + message.senderAddress() + ", sans réponse ni réouverture : " + InboundRecords.summary(message));
            return HandlingResult.onTicket(HandlingResult.Outcome.AUTOMATIC_REPLY, thread.get(), null, false);
        }
        Optional<SubscriptionRequest> request = outbox.subscriptionOfMessageIds(message.threadIds())
                .flatMap(subscriptions::byId);
        if (request.isPresent()) {
            subscriptions.addStaffNote(request.get().id(), "Message probablement automatique (d'après son objet) de "
                    + message.senderAddress() + " : « " + InboundRecords.summary(message) + " »", Tickets.SYSTEM);
            return new HandlingResult(HandlingResult.Outcome.ADDED_TO_SUBSCRIPTION, null, request.get().reference(),
                    request.get().id(), null, false);
        }
        return newConversations.openForHuman(message, senders.linkCommune(senders.contactOf(message), message),
                "Objet typique d'une réponse automatique, mais aucun en-tête ne le confirme : aucune réponse automatique "
                        + "n'a été envoyée. À lire : il peut s'agir d'une vraie demande. (" + message.automationReason() + ")");
    }
}
