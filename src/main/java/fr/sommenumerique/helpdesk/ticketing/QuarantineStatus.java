package fr.sommenumerique.helpdesk.ticketing;

public enum QuarantineStatus {
    QUARANTINED("En quarantaine"),
    /** Handed back to the channel for another try. */
    RETRIED("Relancé"),
    DISCARDED("Écarté");

    private final String label;

    QuarantineStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
