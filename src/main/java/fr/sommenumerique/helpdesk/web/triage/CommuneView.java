package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.ticketing.CommuneActivity;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Page;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.TicketSummary;

import java.util.List;

/** A commune with its contacts, tickets and subscription requests. */
public record CommuneView(Commune commune, CommuneActivity activity, List<Contact> contacts,
                          Page<TicketSummary> tickets, List<SubscriptionRequest> requests) {
}
