package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contact;

/**
 * The rules of one channel for « which conversation does this message belong to ». Asked twice: before the
 * assistant reads the message (what the channel alone tells: mail headers, a chosen reply) and, when the assistant
 * did not answer it, after (whether it is about the same thing as a conversation still open).
 */
interface ConversationPolicy {

    Channel channel();

    /**
     * @param contact the sender as known before this message: a commune named in this very message must not let a
     *                stranger into that commune's conversations
     */
    Placement beforeAssistant(InboundMessage message, Contact contact);

    /** Only for a message the assistant neither answered nor recorded as a subscription request. */
    Placement afterAssistant(InboundMessage message, Contact contact, Decision decision);
}
