package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Component;

/** Chat: a message joins the person's ticket still open. */
@Component
class ChatConversationPolicy implements ConversationPolicy {

    private final Tickets tickets;

    ChatConversationPolicy(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Placement beforeAssistant(InboundMessage message, Contact contact) {
        return tickets.lastOpenTicketOf(contact.id())
                .<Placement>map(t -> new Placement.JoinTicket(t, "demande ouverte de la conversation"))
                .orElse(Placement.ASK_ASSISTANT);
    }

    @Override
    public Placement afterAssistant(InboundMessage message, Contact contact, Decision decision) {
        return Placement.NEW_TICKET;
    }
}
