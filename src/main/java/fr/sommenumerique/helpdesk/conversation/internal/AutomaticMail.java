package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.assistant.Priority;
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

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Mail sent by a machine: never answered, never reopening anything, but kept where staff will see it. */
@Component
public class AutomaticMail {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRANCE);

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
        Optional<Ticket> ticket = tickets.findByEmailMessageIds(message.threadIds()).flatMap(t -> tickets.resolveMerged(t.id()));
        ticket.ifPresent(t -> tickets.addNote(t.id(), Tickets.SYSTEM, message.automationNote() != null
                ? message.automationNote() + aboutMessage(t, message)
                : "Message non distribué à " + String.join(", ", message.failedRecipients()) + " : "
                        + InboundRecords.summary(message), InboundRecords.attachmentsOf(message)));
        return new HandlingResult(HandlingResult.Outcome.BOUNCE, ticket.map(Ticket::id).orElse(null),
                ticket.map(Ticket::reference).orElse(null), null, null, false);
    }

    /**
     * A read receipt, a delivery report that is not a failure, or an attendee's answer to an invitation: what it says
     * becomes a note on the ticket (or the subscription request) it is about. Never answered, never reopening anything:
     * a receipt on a resolved ticket leaves it resolved.
     */
    public HandlingResult report(InboundMessage message) {
        String note = message.automationNote() != null ? message.automationNote()
                : "Rapport automatique reçu de " + message.senderAddress() + " : " + InboundRecords.summary(message);
        Optional<Ticket> ticket = threadTicket(message);
        if (ticket.isPresent()) {
            // the report's parts (named: rapport-remise.txt, the returned message…) stay with the note for staff
            tickets.addNote(ticket.get().id(), Tickets.SYSTEM, note + aboutMessage(ticket.get(), message),
                    InboundRecords.attachmentsOf(message));
            return HandlingResult.onTicket(HandlingResult.Outcome.REPORT, ticket.get(), null, false);
        }
        Optional<SubscriptionRequest> request = outbox.subscriptionOfMessageIds(message.threadIds()).flatMap(subscriptions::byId);
        request.ifPresent(r -> subscriptions.addStaffNote(r.id(), note, Tickets.SYSTEM));
        return new HandlingResult(HandlingResult.Outcome.REPORT, null, request.map(SubscriptionRequest::reference).orElse(null),
                request.map(SubscriptionRequest::id).orElse(null), null, false);
    }

    /**
     * A notification from a platform or another robot: a note on its ticket when it belongs to one; otherwise a
     * low-priority ticket for staff to read (platforms write to the support address about things that matter), with
     * no answer, since nobody reads a robot's mailbox.
     */
    public HandlingResult notice(InboundMessage message) {
        String note = (message.automationNote() != null ? message.automationNote()
                : "Avis automatique de " + message.senderAddress() + ".") + " Aucune réponse n'est envoyée à un robot.";
        Optional<Ticket> ticket = threadTicket(message);
        if (ticket.isPresent()) {
            tickets.addNote(ticket.get().id(), Tickets.SYSTEM, note + " « " + InboundRecords.summary(message) + " »");
            return HandlingResult.onTicket(HandlingResult.Outcome.AUTOMATIC_REPLY, ticket.get(), null, false);
        }
        return newConversations.openForHuman(message, senders.linkCommune(senders.contactOf(message), message), note,
                Priority.LOW);
    }

    /** The ticket a machine mail is about: by its headers (and the message a report names), else by the subject's reference. */
    private Optional<Ticket> threadTicket(InboundMessage message) {
        return tickets.findByEmailMessageIds(message.threadIds())
                .or(() -> Optional.ofNullable(message.ticketReference()).flatMap(tickets::findByReference))
                .flatMap(t -> tickets.resolveMerged(t.id()));
    }

    /** « (message du 4 mars 2025 à 09:02) » when the report names one of the ticket's messages. */
    private String aboutMessage(Ticket ticket, InboundMessage message) {
        List<String> ids = message.threadIds().stream().map(Tickets::normalizeMessageId).toList();
        return tickets.messages(ticket.id()).stream()
                .filter(m -> m.emailMessageId() != null && ids.contains(Tickets.normalizeMessageId(m.emailMessageId())))
                .reduce((first, second) -> second)
                .map(m -> " (message du " + FRENCH_DATE_TIME.format(m.createdAt().atZone(FRANCE)) + ")")
                .orElse("");
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
