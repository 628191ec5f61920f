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

    /**
     * @param statusAfter the status to set once the reply is queued (PENDING to wait for the commune, RESOLVED…),
     *                    or null to leave it as the reply makes it (a first reply moves NEW to OPEN)
     */
    @Transactional
    public TicketMessage reply(long ticketId, String staffUser, String text, TicketStatus statusAfter) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("La réponse est vide.");
        }
        Ticket ticket = tickets.findById(ticketId).flatMap(t -> tickets.resolveMerged(t.id()))
                .orElseThrow(() -> new NotFoundException("Demande introuvable : " + ticketId));
        if (ticket.status() == TicketStatus.CLOSED) {
            ticket = tickets.reopen(ticket.id(), staffUser);
        }
        Contact requester = contacts.byId(ticket.requesterId())
                .orElseThrow(() -> new NotFoundException("Demandeur introuvable pour " + ticketId));
        TicketMessage message = outbound.sendOnTicket(ticket, requester, staffUser,
                replies.staffReply(text, ticket, firstName(staffUser), OutboundMessages.replyChannel(ticket, requester)),
                false, null);
        if (statusAfter != null) {
            tickets.changeStatus(ticket.id(), statusAfter, staffUser);
        }
        return message;
    }

    /** « Claire » of « Claire Martin »; null when the account is unknown. */
    private String firstName(String staffUser) {
        return staffNames.flatMap(names -> names.displayName(staffUser))
                .map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> n.split("\\s+")[0])
                .orElse(null);
    }
}
