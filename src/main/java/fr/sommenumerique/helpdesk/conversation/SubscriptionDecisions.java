package fr.sommenumerique.helpdesk.conversation;

import fr.sommenumerique.helpdesk.conversation.internal.OutboundMessages;
import fr.sommenumerique.helpdesk.conversation.internal.ReplyComposer;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accept or reject a subscription request; the commune is told by the channel it wrote on. */
@Service
public class SubscriptionDecisions {

    private final Subscriptions subscriptions;
    private final Contacts contacts;
    private final OutboundMessages outbound;
    private final ReplyComposer replies;

    public SubscriptionDecisions(Subscriptions subscriptions, Contacts contacts, OutboundMessages outbound,
                                 ReplyComposer replies) {
        this.subscriptions = subscriptions;
        this.contacts = contacts;
        this.outbound = outbound;
        this.replies = replies;
    }

    @Transactional
    public SubscriptionRequest accept(long requestId, String message, String staffUser) {
        return notify(subscriptions.accept(requestId, message, staffUser), true, message);
    }

    @Transactional
    public SubscriptionRequest reject(long requestId, String message, String staffUser) {
        return notify(subscriptions.reject(requestId, message, staffUser), false, message);
    }

    private SubscriptionRequest notify(SubscriptionRequest request, boolean accepted, String message) {
        Contact contact = contacts.byId(request.contactId())
                .orElseThrow(() -> new NotFoundException("Contact introuvable pour " + request.reference()));
        String subject = "Votre " + ReplyComposer.demandOf(request.kind()) + (accepted ? " : acceptée" : " : réponse");
        outbound.sendToContact(contact, request.channel(), request.reference(), subject,
                replies.subscriptionDecision(request, accepted, message, request.channel()), false, request.id(), null);
        return request;
    }
}
