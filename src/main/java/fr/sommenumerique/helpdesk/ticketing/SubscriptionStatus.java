package fr.sommenumerique.helpdesk.ticketing;

public enum SubscriptionStatus {
    RECEIVED("Reçue"),
    IN_REVIEW("En cours d'examen"),
    ACCEPTED("Acceptée"),
    REJECTED("Refusée");

    private final String label;

    SubscriptionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isDecided() {
        return this == ACCEPTED || this == REJECTED;
    }
}
