package fr.sommenumerique.helpdesk.assistant;

/** What a subscription request asks for. */
public enum SubscriptionKind {
    MEMBERSHIP("Adhésion"),
    ADD_SERVICE("Ajout d'un service"),
    ACCOUNT("Compte utilisateur"),
    TRAINING("Inscription à une formation");

    private final String label;

    SubscriptionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
