package fr.sommenumerique.helpdesk.assistant;

import fr.sommenumerique.helpdesk.knowledge.Intent;

import java.util.Optional;

/** What a subscription request asks for: the assistant detects it, ticketing records it. */
public enum SubscriptionKind {
    /** Join the Mairie connectée offer (charter and convention). */
    MEMBERSHIP("Adhésion"),
    /** Add a service to an existing membership. */
    ADD_SERVICE("Ajout de service"),
    /** Open an account (e.g. a second account on the procurement platform). */
    ACCOUNT("Création de compte"),
    /** Change an account (e-mail address, name, rights). */
    ACCOUNT_CHANGE("Modification de compte"),
    /** Close or deactivate an account (someone left). */
    ACCOUNT_CLOSE("Fermeture de compte"),
    /** Hand an account over to someone else (new mayor, successor). */
    ACCOUNT_TRANSFER("Transfert de compte"),
    /** Register people for a training session. */
    TRAINING("Inscription à une formation");

    private final String label;

    SubscriptionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind of request an intent stands for; empty for intents that are not requests. */
    public static Optional<SubscriptionKind> of(Intent intent) {
        return Optional.ofNullable(switch (intent) {
            case MEMBERSHIP -> MEMBERSHIP;
            case ADD_SERVICE -> ADD_SERVICE;
            case ACCOUNT_CREATE -> ACCOUNT;
            case ACCOUNT_CHANGE -> ACCOUNT_CHANGE;
            case ACCOUNT_CLOSE -> ACCOUNT_CLOSE;
            case ACCOUNT_TRANSFER -> ACCOUNT_TRANSFER;
            case TRAINING -> TRAINING;
            default -> null;
        });
    }
}
