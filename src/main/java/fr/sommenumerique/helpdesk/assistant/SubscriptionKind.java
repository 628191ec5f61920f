package fr.sommenumerique.helpdesk.assistant;

/** What a subscription request asks for: the assistant detects it, ticketing records it. */
public enum SubscriptionKind {
    /** Join the Mairie connectée offer (charter and convention). */
    MEMBERSHIP("Adhésion"),
    /** Add a service to an existing membership. */
    ADD_SERVICE("Ajout de service"),
    /** Open an account (e.g. a second account on the procurement platform). */
    ACCOUNT("Ouverture de compte"),
    /** Register people for a training session. */
    TRAINING("Inscription à une formation");

    private final String label;

    SubscriptionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
