package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which conversation a message from a person belongs to, with the policy of the channel it came by: every
 * rule about threads is in {@link MailConversationPolicy} (headers, references, the reference in the subject) or
 * {@link ChatConversationPolicy} (topic, time and the user's choice).
 */
@Component
public class ConversationLocator {

    private final Map<Channel, ConversationPolicy> policies = new EnumMap<>(Channel.class);

    ConversationLocator(List<ConversationPolicy> policies) {
        policies.forEach(p -> this.policies.put(p.channel(), p));
    }

    /** A channel without a policy of its own starts a new conversation with every message. */
    public Placement beforeAssistant(InboundMessage message, Contact contact) {
        ConversationPolicy policy = policies.get(message.channel());
        return policy == null ? Placement.ASK_ASSISTANT : policy.beforeAssistant(message, contact);
    }

    public Placement afterAssistant(InboundMessage message, Contact contact, Decision decision) {
        ConversationPolicy policy = policies.get(message.channel());
        return policy == null ? Placement.NEW_TICKET : policy.afterAssistant(message, contact, decision);
    }
}
