package fr.sommenumerique.helpdesk.ticketing;

/** Orders of the staff queue. */
public enum TicketSort {
    CREATED,
    UPDATED,
    /** URGENT first when descending. */
    PRIORITY,
    /** The next SLA deadline: first-response due while unanswered, else resolution due. Soonest first when ascending. */
    DUE
}
