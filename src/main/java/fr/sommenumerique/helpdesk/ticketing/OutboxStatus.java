package fr.sommenumerique.helpdesk.ticketing;

public enum OutboxStatus {
    /** Waiting for (another) attempt. */
    PENDING("En attente"),
    SENT("Envoyé"),
    /** Gave up after the maximum number of attempts, or a permanent error; staff can retry. */
    FAILED("En échec");

    private final String label;

    OutboxStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
