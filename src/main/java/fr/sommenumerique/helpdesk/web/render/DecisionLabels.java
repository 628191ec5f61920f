package fr.sommenumerique.helpdesk.web.render;

import fr.sommenumerique.helpdesk.assistant.DecisionKind;

/** French names of the assistant's decisions. */
public final class DecisionLabels {

    private DecisionLabels() {
    }

    public static String label(DecisionKind kind) {
        if (kind == null) {
            return "—";
        }
        return switch (kind) {
            case ANSWER -> "Réponse automatique";
            case SUBSCRIPTION -> "Demande d'abonnement";
            case TICKET -> "Ticket pour un agent";
            case OUT_OF_SCOPE -> "Hors périmètre";
        };
    }

    public static String label(String kind) {
        if (kind == null) {
            return "—";
        }
        try {
            return label(DecisionKind.valueOf(kind));
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }
}
