package fr.sommenumerique.helpdesk.assistant;

/** Suggested urgency of a hand-over; ticketing turns it into an SLA. */
public enum Priority {
    LOW("Basse"),
    NORMAL("Normale"),
    HIGH("Haute"),
    URGENT("Urgente");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
