package fr.sommenumerique.helpdesk.conversation;

import fr.sommenumerique.helpdesk.conversation.internal.OutboundMessages;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * The person's answer when asked whether a new message continues an open ticket (chat): « Ajouter à MC-… » merges
 * the new ticket into the open one (keeping the more urgent priority), « Nouvelle demande » keeps them apart. Only
 * the requester of both tickets may choose; a choice on a ticket already merged or closed changes nothing.
 */
@Service
public class TicketChoices {

    private final Tickets tickets;
    private final OutboundMessages outbound;

    public TicketChoices(Tickets tickets, OutboundMessages outbound) {
        this.tickets = tickets;
        this.outbound = outbound;
    }

    /** @return the ticket that now holds the message, empty when the choice no longer applies */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Ticket> join(Contact person, long newTicketId, long openTicketId) {
        Optional<Ticket> added = ownActive(person, newTicketId);
        Optional<Ticket> target = ownActive(person, openTicketId);
        if (added.isEmpty() || target.isEmpty() || newTicketId == openTicketId) {
            return Optional.empty();
        }
        String actor = AuditLog.contactActor(person.id());
        Ticket merged = tickets.merge(newTicketId, openTicketId, actor);
        if (added.get().priority().compareTo(merged.priority()) > 0) {
            merged = tickets.changePriority(merged.id(), added.get().priority(), Tickets.SYSTEM);
        }
        if (merged.service() == null && added.get().service() != null) {
            merged = tickets.changeService(merged.id(), added.get().service(), Tickets.SYSTEM);
        }
        outbound.sendOnTicket(merged, person, Tickets.ASSISTANT, "C'est regroupé : votre message " + added.get().reference()
                + " est ajouté à votre demande " + merged.reference() + " « " + merged.subject() + " ».", true, null);
        return Optional.of(merged);
    }

    /** @return the new ticket, kept as a request of its own; empty when the choice no longer applies */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Ticket> keepApart(Contact person, long newTicketId, long openTicketId) {
        Optional<Ticket> kept = ownActive(person, newTicketId);
        kept.ifPresent(t -> tickets.addNote(t.id(), Tickets.SYSTEM, "Le demandeur confirme qu'il s'agit d'une demande "
                + "distincte de " + tickets.findById(openTicketId).map(Ticket::reference).orElse("n° " + openTicketId) + "."));
        return kept;
    }

    private Optional<Ticket> ownActive(Contact person, long ticketId) {
        return tickets.findById(ticketId)
                .filter(t -> t.requesterId() == person.id() && !t.isMerged() && t.isActive());
    }
}
