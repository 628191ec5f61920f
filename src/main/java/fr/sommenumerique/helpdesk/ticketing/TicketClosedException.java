package fr.sommenumerique.helpdesk.ticketing;

/**
 * A message arrived for a CLOSED ticket. The caller opens a new ticket linked to it
 * ({@link NewTicket#withLinkedTicket}) or {@link Tickets#reopen reopens} it, then adds the message again.
 */
public class TicketClosedException extends IllegalStateException {

    private final long ticketId;
    private final String reference;

    public TicketClosedException(long ticketId, String reference) {
        super("Le ticket " + reference + " est clos");
        this.ticketId = ticketId;
        this.reference = reference;
    }

    public long ticketId() {
        return ticketId;
    }

    public String reference() {
        return reference;
    }
}
