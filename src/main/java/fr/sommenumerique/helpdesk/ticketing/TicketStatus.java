package fr.sommenumerique.helpdesk.ticketing;

/** Life cycle of a ticket. */
public enum TicketStatus {
    NEW("Nouveau"),
    OPEN("Ouvert"),
    /** Waiting for the commune: an inbound message puts the ticket back to OPEN. */
    PENDING("En attente de la commune"),
    RESOLVED("Résolu"),
    CLOSED("Clos");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** NEW, OPEN and PENDING: someone still has to act. */
    public boolean isActive() {
        return this == NEW || this == OPEN || this == PENDING;
    }
}
