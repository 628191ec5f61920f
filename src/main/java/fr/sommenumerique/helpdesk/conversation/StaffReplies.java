package fr.sommenumerique.helpdesk.conversation;

import fr.sommenumerique.helpdesk.conversation.internal.OutboundMessages;
import fr.sommenumerique.helpdesk.conversation.internal.ReplyComposer;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * A staff member's reply on a ticket: recorded on the ticket and delivered by the ticket's channel (e-mail with
 * threading headers, or the Telegram chat) through the outbox, in one transaction. In chat it is signed with the
 * agent's first name and the ticket's reference, so that the person sees a person wrote it and can answer it.
 */
@Service
public class StaffReplies {

    private final Tickets tickets;
    private final Contacts contacts;
    private final OutboundMessages outbound;
    private final ReplyComposer replies;
    private final Optional<StaffNames> staffNames;

    public StaffReplies(Tickets tickets, Contacts contacts, OutboundMessages outbound, ReplyComposer replies,
                        Optional<StaffNames> staffNames) {
        this.tickets = tickets;
        this.contacts = contacts;
        this.outbound = outbound;
        this.replies = replies;
        this.staffNames = staffNames;
    }

    /** The longest reply staff may send (a long mail is an attachment's job). */
    public static final int MAX_LENGTH = 20_000;

    /**
     * @param statusAfter the status to set once the reply is queued (PENDING to wait for the commune, RESOLVED…),
     *                    or null to leave it as the reply makes it (a first reply moves NEW to OPEN)
     */
    @Transactional
    public TicketMessage reply(long ticketId, String staffUser, String text, TicketStatus statusAfter) {
        check(text);
        Ticket ticket = tickets.findById(ticketId).flatMap(t -> tickets.resolveMerged(t.id()))
                .orElseThrow(() -> new NotFoundException("Demande introuvable : " + ticketId));
        if (ticket.status() == TicketStatus.CLOSED) {
            ticket = tickets.reopen(ticket.id(), staffUser);
        }
        Contact requester = contacts.byId(ticket.requesterId())
                .orElseThrow(() -> new NotFoundException("Demandeur introuvable pour " + ticketId));
        TicketMessage message = outbound.sendOnTicket(ticket, requester, staffUser,
                replies.staffReply(text, ticket, OutboundMessages.replyChannel(ticket, requester),
                        requester.displayName(), agentName(staffUser)), false, null);
        if (statusAfter != null) {
            tickets.changeStatus(ticket.id(), statusAfter, staffUser);
        }
        return message;
    }

    /** The reply exactly as {@link #reply} would send it, for a preview before sending. */
    @Transactional(readOnly = true)
    public String preview(long ticketId, String staffUser, String text) {
        check(text);
        Ticket ticket = tickets.findById(ticketId).flatMap(t -> tickets.resolveMerged(t.id()))
                .orElseThrow(() -> new NotFoundException("Demande introuvable : " + ticketId));
        Contact requester = contacts.byId(ticket.requesterId())
                .orElseThrow(() -> new NotFoundException("Demandeur introuvable pour " + ticketId));
        return replies.staffReply(text, ticket, OutboundMessages.replyChannel(ticket, requester),
                requester.displayName(), agentName(staffUser));
    }

    /** « Claire Martin », the name in the staff member's profile; null when the account is unknown. */
    private String agentName(String staffUser) {
        return staffNames.flatMap(names -> names.displayName(staffUser))
                .map(String::strip).filter(n -> !n.isEmpty())
                .orElse(null);
    }

    private static void check(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("La réponse est vide.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("La réponse fait " + String.format(java.util.Locale.FRANCE, "%,d",
                    text.length()).replace('\u202f', ' ').replace('\u00a0', ' ') + " caractères : 20 000 au plus. "
                    + "Raccourcissez-la ou joignez un document.");
        }
    }
}
