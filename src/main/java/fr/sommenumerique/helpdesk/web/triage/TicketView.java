package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.knowledge.SearchHit;
import fr.sommenumerique.helpdesk.ticketing.AuditEntry;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.Ticket;

import java.util.List;

/**
 * Everything the ticket page shows.
 *
 * @param commune            null when unknown
 * @param mergedIntoReference reference of the ticket this one was merged into, else null
 * @param linkedReference    reference of the earlier ticket this one follows, else null
 * @param suggestions        knowledge-base articles that look relevant, best first
 * @param otherTickets       the requester's other tickets, newest first (at most 10)
 */
public record TicketView(Ticket ticket, Contact requester, Commune commune, List<MessageView> messages,
                         List<OutboxMessage> deliveries, List<AuditEntry> history, String mergedIntoReference,
                         String linkedReference, boolean firstResponseOverdue, boolean resolutionOverdue,
                         List<SearchHit> suggestions, List<Ticket> otherTickets) {

    /** The conversation as the page shows it, under the reply box: the latest message first. */
    public List<MessageView> newestFirst() {
        List<MessageView> latestFirst = new java.util.ArrayList<>(messages);
        java.util.Collections.reverse(latestFirst);
        return latestFirst;
    }
}
