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
        if (byHeaders.isPresent()) {
            return new Placement.JoinTicket(byHeaders.get(), "en-têtes de réponse");
        }
        Optional<Ticket> byReference = ticketByReference(message, contact);
        if (byReference.isPresent()) {
            return new Placement.JoinTicket(byReference.get(), "référence dans l'objet");
        }
        return subscription(message, contact).<Placement>map(Placement.JoinSubscription::new)
                .orElse(Placement.ASK_ASSISTANT);
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
