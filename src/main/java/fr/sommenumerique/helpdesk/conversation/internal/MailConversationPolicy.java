package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * E-mail: a message belongs to a conversation by its headers and references only, never by its topic.
 * <ol>
 *   <li>Our own Message-IDs in In-Reply-To / References: the ticket they were sent on.</li>
 *   <li>A ticket reference in the subject ({@code [MC-2026-00042]}), but only from the ticket's requester or a
 *       contact already known (before this message) to belong to the ticket's commune: anyone can type a reference
 *       and a commune name.</li>
 *   <li>The same for a subscription request: our confirmation's Message-ID, or {@code [DA-2026-00007]} from the
 *       request's contact or a contact of its commune.</li>
 *   <li>Otherwise a new conversation, whatever the assistant makes of it.</li>
 * </ol>
 * Two of chat's rules apply to mail too. A reply that only makes a precision (« c'est pour la commune de X »)
 * completes the ticket it answers: the commune is set and a finished ticket gets a note instead of being reopened.
 * A new mail that only greets (« Bonjour », nothing in the subject either, no file) opens nothing and gets a short
 * prompt. A thank-you on a finished ticket is already a note ({@link FollowUps}).
 */
@Component
class MailConversationPolicy implements ConversationPolicy {

    private final Tickets tickets;
    private final Subscriptions subscriptions;
    private final Outbox outbox;

    MailConversationPolicy(Tickets tickets, Subscriptions subscriptions, Outbox outbox) {
        this.tickets = tickets;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Placement beforeAssistant(InboundMessage message, Contact contact) {
        Optional<Ticket> byHeaders = tickets.findByEmailMessageIds(message.threadIds())
                .flatMap(t -> tickets.resolveMerged(t.id()));
        Optional<Ticket> thread = byHeaders.or(() -> ticketByReference(message, contact));
        if (thread.isPresent()) {
            return isPrecision(message) ? new Placement.Precision(thread.get())
                    : new Placement.JoinTicket(thread.get(), byHeaders.isPresent() ? "en-têtes de réponse" : "référence dans l'objet");
        }
        Optional<SubscriptionRequest> request = subscription(message, contact);
        if (request.isPresent()) {
            return new Placement.JoinSubscription(request.get());
        }
        return isGreetingOnly(message) ? new Placement.Courtesy(true, null) : Placement.ASK_ASSISTANT;
    }

    /** What the sender wrote this time (quotes left out) is a precision, without a question or a file. */
    private static boolean isPrecision(InboundMessage message) {
        return message.attachments().isEmpty() && message.handover() == null
                && Precisions.isPrecision(message.readText()) && !Precisions.isQuestion(message.readText());
    }

    private static boolean isGreetingOnly(InboundMessage message) {
        String subject = message.subject() == null ? "" : message.subject().strip();
        return message.attachments().isEmpty() && message.handover() == null
                && Acknowledgements.isGreeting(message.readText())
                && (subject.isEmpty() || Acknowledgements.isGreeting(subject));
    }

    @Override
    public Placement afterAssistant(InboundMessage message, Contact contact, Decision decision) {
        return Placement.NEW_TICKET;
    }

    private Optional<Ticket> ticketByReference(InboundMessage message, Contact contact) {
        if (message.ticketReference() == null) {
            return Optional.empty();
        }
        return tickets.findByReference(message.ticketReference())
                .flatMap(t -> tickets.resolveMerged(t.id()))
                .filter(t -> knownTo(contact, t.requesterId(), t.communeInsee()));
    }

    private Optional<SubscriptionRequest> subscription(InboundMessage message, Contact contact) {
        Optional<SubscriptionRequest> byHeaders = outbox.subscriptionOfMessageIds(message.threadIds())
                .flatMap(subscriptions::byId);
        if (byHeaders.isPresent() || message.ticketReference() == null
                || !message.ticketReference().startsWith(Subscriptions.REFERENCE_PREFIX + "-")) {
            return byHeaders;
        }
        return subscriptions.byReference(message.ticketReference())
                .filter(r -> knownTo(contact, r.contactId(), r.communeInsee()));
    }

    /** The requester themself, or a contact already known to belong to the same commune. */
    private static boolean knownTo(Contact contact, long requesterId, String communeInsee) {
        return requesterId == contact.id() || (contact.communeInsee() != null && contact.communeInsee().equals(communeInsee));
    }
}
