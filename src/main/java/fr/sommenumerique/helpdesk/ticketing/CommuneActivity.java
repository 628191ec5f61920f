package fr.sommenumerique.helpdesk.ticketing;

/** A commune with how much it uses the helpdesk. */
public record CommuneActivity(Commune commune, long contacts, long tickets, long activeTickets,
                              long subscriptionRequests) {
}
