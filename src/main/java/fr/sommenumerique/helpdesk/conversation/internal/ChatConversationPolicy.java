package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.conversation.ConversationSettings;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Chat: a chat has no subject line and no headers, so a message belongs to a conversation by the person's choice,
 * its topic and time. Every rule is here.
 *
 * <p>Before the assistant reads it:
 * <ol>
 *   <li><b>The person's choice</b>: a reply to one of our messages about a ticket (the channel puts that ticket's
 *       reference on the message) continues that ticket, if it is theirs.</li>
 *   <li><b>Courtesy</b>: a greeting or a thank-you alone opens nothing.</li>
 *   <li><b>Precision</b>: « c'est pour la commune de X », « PS : … », or a file without words completes the most
 *       recent conversation: the person's open ticket, else one finished within {@code chat-follow-up}.</li>
 *   <li><b>Answer to the agent</b>: when an agent's reply is the last word of the latest open ticket (or it waits
 *       for the person), a message that asks nothing continues it.</li>
 * </ol>
 * Then the assistant reads it; an answer or a subscription request is a conversation of its own whatever is open.
 * Otherwise, against the person's open tickets, most recent first ({@link Topic}):
 * <ol>
 *   <li>about something <b>clearly different</b> (another service; an incident while the ticket is a question): a
 *       ticket of its own, with its own service and priority. An incident never hides inside a question ticket;</li>
 *   <li>an <b>answer to the agent</b> (the latest ticket waits for the person, or its last message is a staff
 *       reply), the <b>same service</b>, or a <b>file sent right after</b>: it joins that ticket;</li>
 *   <li>a <b>short message with no topic of its own</b> (« ok je vais essayer demain ») right after our reply on
 *       the latest ticket: it joins that ticket;</li>
 *   <li>unclear, while the latest ticket moved within {@code chat-follow-up}: a ticket of its own, and the person
 *       is asked with two buttons whether to add it to the open one instead;</li>
 *   <li>else a ticket of its own.</li>
 * </ol>
 */
@Component
class ChatConversationPolicy implements ConversationPolicy {

    private static final int SHORT_WORDS = 8;

    private final Tickets tickets;
    private final ConversationSettings settings;
    private final Clock clock;

    ChatConversationPolicy(Tickets tickets, ConversationSettings settings, Optional<Clock> clock) {
        this.tickets = tickets;
        this.settings = settings;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Placement beforeAssistant(InboundMessage message, Contact contact) {
        Optional<Ticket> chosen = chosenTicket(message, contact);
        if (chosen.isPresent()) {
            return new Placement.JoinTicket(chosen.get(), "réponse à un message de la demande");
        }
        boolean fileAlone = !message.attachments().isEmpty() && message.text().isBlank();
        if (!fileAlone && Acknowledgements.isBare(message.text())) {
            return new Placement.Courtesy(Acknowledgements.isGreeting(message.text()), recent(contact).orElse(null));
        }
        if (fileAlone || Precisions.isPrecision(message.text())) {
            return new Placement.Precision(recent(contact).orElse(null));
        }
        Optional<Ticket> latest = tickets.lastOpenTicketOf(contact.id());
        if (latest.isPresent() && !Precisions.isQuestion(message.text()) && waitsForThePerson(latest.get())) {
            return new Placement.JoinTicket(latest.get(), "réponse à l'agent");
        }
        return Placement.ASK_ASSISTANT;
    }

    @Override
    public Placement afterAssistant(InboundMessage message, Contact contact, Decision decision) {
        List<Ticket> open = tickets.openTicketsOf(contact.id());
        if (open.isEmpty()) {
            return Placement.NEW_TICKET;
        }
        Topic topic = Topic.of(decision);
        Ticket latest = open.get(0);
        for (Ticket ticket : open) {
            Topic theirs = Topic.of(ticket);
            if (topic.clearlyDifferentFrom(theirs)) {
                continue;
            }
            if (ticket == latest && (waitsForThePerson(ticket) || fileRightAfter(message, ticket))) {
                return new Placement.JoinTicket(ticket, "suite de la demande en cours");
            }
            if (topic.sameServiceAs(theirs)) {
                return new Placement.JoinTicket(ticket, "même service que la demande en cours");
            }
        }
        if (topic.none() && isShort(message) && !Precisions.isQuestion(message.text()) && lastWordIsOurs(latest)
                && movedRecently(latest)) {
            return new Placement.JoinTicket(latest, "courte suite de notre réponse");
        }
        if (!topic.clearlyDifferentFrom(Topic.of(latest)) && movedRecently(latest)) {
            return new Placement.NewTicketAsking(latest);
        }
        return Placement.NEW_TICKET;
    }

    /** The ticket of the message the person replied to, if it is theirs. */
    private Optional<Ticket> chosenTicket(InboundMessage message, Contact contact) {
        if (message.ticketReference() == null) {
            return Optional.empty();
        }
        return tickets.findByReference(message.ticketReference())
                .flatMap(t -> tickets.resolveMerged(t.id()))
                .filter(t -> t.requesterId() == contact.id());
    }

    /** The most recent conversation: the open ticket last updated, else a ticket finished a moment ago. */
    private Optional<Ticket> recent(Contact contact) {
        Optional<Ticket> open = tickets.lastOpenTicketOf(contact.id());
        if (open.isPresent()) {
            return open;
        }
        return tickets.ticketsOf(contact.id()).stream()
                .filter(t -> !t.isMerged() && t.status() != TicketStatus.CLOSED)
                .filter(this::movedRecently)
                .findFirst();
    }

    /** An agent asked something: the ticket waits for the person, or a staff reply is its last word. */
    private boolean waitsForThePerson(Ticket ticket) {
        if (ticket.status() == TicketStatus.PENDING) {
            return true;
        }
        List<TicketMessage> messages = tickets.messages(ticket.id());
        for (int i = messages.size() - 1; i >= 0; i--) {
            TicketMessage m = messages.get(i);
            if (m.direction() == MessageDirection.INBOUND) {
                return false;
            }
            if (m.direction() == MessageDirection.OUTBOUND && !m.automatic()) {
                return true;
            }
        }
        return false;
    }

    /** A few words (« ok je vais essayer demain »): too short to carry a topic of their own. */
    private static boolean isShort(InboundMessage message) {
        return message.text().strip().split("\\s+").length <= SHORT_WORDS;
    }

    /** Our message (an agent's reply or the assistant's acknowledgement) is the ticket's latest. */
    private boolean lastWordIsOurs(Ticket ticket) {
        List<TicketMessage> messages = tickets.messages(ticket.id());
        return !messages.isEmpty() && messages.get(messages.size() - 1).direction() == MessageDirection.OUTBOUND;
    }

    private boolean fileRightAfter(InboundMessage message, Ticket ticket) {
        return !message.attachments().isEmpty() && movedRecently(ticket);
    }

    private boolean movedRecently(Ticket ticket) {
        Instant last = ticket.updatedAt() == null ? ticket.createdAt() : ticket.updatedAt();
        return last.plus(settings.chatFollowUp()).isAfter(clock.instant());
    }
}
