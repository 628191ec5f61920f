package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.ticketing.AuditEntry;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;

import java.util.List;

/**
 * A subscription request with what staff need to decide.
 *
 * @param commune       null when not identified
 * @param ticketReference the ticket opened with the request, if any
 */
public record SubscriptionView(SubscriptionRequest request, Contact contact, Commune commune, String ticketReference,
                               List<AuditEntry> history) {

}
