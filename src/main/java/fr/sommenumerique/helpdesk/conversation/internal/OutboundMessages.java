package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.NewMessage;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutgoingMessage;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Queues a message to a person on the right channel, inside the caller's transaction. E-mail replies carry our own
 * Message-ID, In-Reply-To and References, and the ticket reference in the subject, so that the answer to them comes
 * back to the same ticket; the message is also recorded on the ticket, with that Message-ID.
 */
@Component
public class OutboundMessages {

    private static final Pattern REFERENCE_IN_SUBJECT = Pattern.compile("\\s*\\[(?:MC|DA)-\\d{4}-\\d{5}\\]\\s*");
    private static final int MAX_REFERENCES = 10;

    private final Outbox outbox;
    private final Tickets tickets;

    public OutboundMessages(Outbox outbox, Tickets tickets) {
        this.outbox = outbox;
        this.tickets = tickets;
    }

    /** Where a person is reached on a channel: an e-mail address or a chat id; empty if they cannot be. */
    public static Optional<String> recipient(Contact contact, Channel channel) {
        if (channel == Channel.TELEGRAM) {
            return Optional.ofNullable(contact.telegramChatId()).map(String::valueOf);
        }
        if (contact.email() != null) {
            return Optional.of(contact.email());
        }
        return Optional.ofNullable(contact.telegramChatId()).map(String::valueOf);
    }

    /** The channel a ticket's replies go by: its own, unless the person cannot be reached there. */
    public static Channel replyChannel(Ticket ticket, Contact requester) {
        if (ticket.channel() == Channel.TELEGRAM && requester.telegramChatId() != null) {
            return Channel.TELEGRAM;
        }
        return requester.email() != null ? Channel.EMAIL : Channel.TELEGRAM;
    }

    /**
     * Records the message on the ticket and queues it to the requester.
     *
     * @param inReplyTo the Message-ID answered (e-mail), or null to answer the ticket's latest e-mail
     */
    public TicketMessage sendOnTicket(Ticket ticket, Contact requester, String author, String text, boolean automatic,
                                      String inReplyTo) {
        Channel channel = replyChannel(ticket, requester);
        String recipient = recipient(requester, channel)
                .orElseThrow(() -> new IllegalStateException("Le demandeur de " + ticket.reference() + " n'a ni adresse e-mail ni conversation Telegram."));
        NewMessage record = NewMessage.of(channel, text);
        OutgoingMessage message;
        if (channel == Channel.EMAIL) {
            List<String> thread = emailThread(ticket.id());
            String answered = inReplyTo != null ? Tickets.normalizeMessageId(inReplyTo)
                    : thread.isEmpty() ? null : thread.get(thread.size() - 1);
            if (answered != null && !thread.contains(answered)) {
                thread.add(answered);
            }
            String messageId = outbox.newMessageId();
            record = record.withEmailIds(messageId, answered);
            message = OutgoingMessage.email(recipient, subject(ticket.reference(), ticket.subject(), answered != null), text)
                    .withThreading(messageId, answered, references(thread));
        } else {
            message = OutgoingMessage.telegram(Long.parseLong(recipient), text);
        }
        if (automatic) {
            record = record.asAutomatic();
            message = message.asAutomatic();
        }
        TicketMessage recorded = tickets.addOutbound(ticket.id(), author, record);
        outbox.enqueue(message.forTicket(ticket.id()));
        return recorded;
    }

    /** Queues a message that belongs to no ticket (a subscription request's confirmation or decision). */
    public void sendToContact(Contact contact, Channel preferred, String reference, String subject, String text,
                              boolean automatic, Long subscriptionId, String inReplyTo) {
        Channel channel = preferred == Channel.TELEGRAM && contact.telegramChatId() != null ? Channel.TELEGRAM
                : contact.email() != null ? Channel.EMAIL : Channel.TELEGRAM;
        String recipient = recipient(contact, channel)
                .orElseThrow(() -> new IllegalStateException("Le contact " + contact.id() + " n'a ni adresse e-mail ni conversation Telegram."));
        OutgoingMessage message;
        if (channel == Channel.EMAIL) {
            String answered = Tickets.normalizeMessageId(inReplyTo);
            message = OutgoingMessage.email(recipient, subject(reference, subject, answered != null), text)
                    .withThreading(outbox.newMessageId(), answered, answered == null ? null : "<" + answered + ">");
        } else {
            message = OutgoingMessage.telegram(Long.parseLong(recipient), text);
        }
        if (automatic) {
            message = message.asAutomatic();
        }
        outbox.enqueue(message.forSubscription(subscriptionId));
    }

    /**
     * Queues an automatic reply on the ticket to the person who wrote {@code message}, unless they must not get one
     * now (failing address, loop protection): then a note on the ticket says why.
     *
     * @return whether the reply was queued
     */
    public boolean replyAutomatically(Ticket ticket, Contact contact, InboundMessage message, String text) {
        if (!mayAutoReply(contact, message.channel())) {
            tickets.addNote(ticket.id(), Tickets.SYSTEM, "Réponse automatique non envoyée : adresse en échec ou trop de "
                    + "réponses automatiques récentes à ce destinataire (protection contre les boucles).");
            return false;
        }
        sendOnTicket(ticket, contact, Tickets.ASSISTANT, text, true, message.messageId());
        return true;
    }

    /** Whether an automatic reply may go to this person now: not to a failing address, and not in a loop. */
    public boolean mayAutoReply(Contact contact, Channel channel) {
        if (channel == Channel.TELEGRAM) {
            return contact.telegramChatId() != null;
        }
        return contact.email() != null && !contact.emailFailing() && outbox.mayAutoReply(contact.email());
    }

    static String subject(String reference, String subject, boolean isReply) {
        String base = subject == null ? "" : REFERENCE_IN_SUBJECT.matcher(subject).replaceAll(" ").strip();
        if (base.isEmpty()) {
            base = "Votre demande";
        }
        return "[" + reference + "] " + (isReply ? "RE : " : "") + base;
    }

    private List<String> emailThread(long ticketId) {
        List<String> ids = new ArrayList<>();
        for (TicketMessage m : tickets.messages(ticketId)) {
            if (m.emailMessageId() != null) {
                ids.add(m.emailMessageId());
            }
        }
        return ids;
    }

    private static String references(List<String> thread) {
        if (thread.isEmpty()) {
            return null;
        }
        List<String> last = thread.subList(Math.max(0, thread.size() - MAX_REFERENCES), thread.size());
        return String.join(" ", last.stream().map(id -> "<" + id + ">").toList());
    }
}
