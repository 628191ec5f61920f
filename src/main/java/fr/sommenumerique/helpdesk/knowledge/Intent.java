package fr.sommenumerique.helpdesk.knowledge;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a message (or one part of it) wants. Each intent has a file of labelled examples in
 * {@code knowledge-base/intentions/<code>.txt}, from which the assistant's classifier learns.
 */
public enum Intent {
    QUESTION("question", "Question"),
    INCIDENT("incident", "Incident"),
    MEMBERSHIP("adhesion", "Adhésion"),
    ACCOUNT_CREATE("compte-creation", "Création de compte"),
    ACCOUNT_CHANGE("compte-modification", "Modification de compte"),
    ACCOUNT_CLOSE("compte-fermeture", "Fermeture de compte"),
    ACCOUNT_TRANSFER("compte-transfert", "Transfert de compte"),
    TRAINING("formation", "Inscription à une formation"),
    ADD_SERVICE("ajout-service", "Ajout de service"),
    OUT_OF_SCOPE("hors-sujet", "Hors sujet"),
    GREETING("salutation", "Salutation ou remerciement"),
    FOLLOW_UP("precision", "Précision sur un message précédent");

    private final String code;
    private final String label;

    Intent(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The file name (without .txt) of the intent's examples, and its name in eval and review files. */
    public String code() {
        return code;
    }

    /** French label shown to staff. */
    public String label() {
        return label;
    }

    /** A request recorded as a subscription request (membership, accounts, training, a service). */
    public boolean isRequest() {
        return switch (this) {
            case MEMBERSHIP, ACCOUNT_CREATE, ACCOUNT_CHANGE, ACCOUNT_CLOSE, ACCOUNT_TRANSFER, TRAINING, ADD_SERVICE -> true;
            default -> false;
        };
    }

    public static Optional<Intent> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(i -> i.code.equals(c) || i.name().equalsIgnoreCase(c)).findFirst();
    }
}
