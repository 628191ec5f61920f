package fr.sommenumerique.helpdesk.ticketing;

/** A staff member's named queue view: the query string of {@code /tickets} (filters and order). */
public record SavedView(long id, String owner, String name, String query) {
}
