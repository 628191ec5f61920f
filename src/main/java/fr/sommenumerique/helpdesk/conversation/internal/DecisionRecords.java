package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.assistant.DecisionKind;
import fr.sommenumerique.helpdesk.assistant.DecisionPart;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Optional;

/** What staff keep of the assistant's decision: the decision as JSON, and notes saying which parts are theirs. */
public final class DecisionRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DecisionRecords() {
    }

    public static String toJson(Decision decision) {
        return JSON.writeValueAsString(decision);
    }

    /** « Réponse automatique envoyée avec une confiance de 40 % : à vérifier ». */
    public static String reviewNote(Decision decision) {
        return "Réponse automatique envoyée avec une confiance de " + Math.round(decision.confidence() * 100)
                + " %, sous le seuil de vérification : le ticket reste ouvert pour qu'un agent vérifie la réponse ("
                + decision.reason() + ").";
    }

    /** For a message in several parts: which parts the assistant handled and which are for staff. */
    public static Optional<String> partsNote(Decision decision) {
        if (decision.parts().size() < 2) {
            return Optional.empty();
        }
        StringBuilder note = new StringBuilder("Message en " + decision.parts().size() + " parties :");
        int n = 1;
        for (DecisionPart part : decision.parts()) {
            note.append("\n").append(n++).append(". « ").append(part.text()).append(" » → ")
                    .append(label(part.kind())).append(" (").append(part.reason()).append(")");
        }
        return Optional.of(note.toString());
    }

    /** On the ticket opened beside a request: the parts it is for, and the request recorded from the same message. */
    public static String partsForStaffNote(Decision decision, String requestReference) {
        StringBuilder note = new StringBuilder("À traiter par un agent : l'assistant n'a pas pu répondre à ");
        List<DecisionPart> open = decision.parts().stream().filter(p -> p.kind() == DecisionKind.TICKET).toList();
        note.append(open.size() == 1 ? "cette partie du message :" : "ces parties du message :");
        for (DecisionPart part : open) {
            note.append("\n- « ").append(part.text()).append(" » (").append(part.reason()).append(")");
        }
        note.append("\nLa demande faite dans le même message est enregistrée à part : ").append(requestReference)
                .append(". La réponse envoyée à la commune annonçait qu'un agent répondrait à ce point.");
        return note.toString();
    }

    private static String label(DecisionKind kind) {
        return switch (kind) {
            case ANSWER -> "répondu automatiquement";
            case SUBSCRIPTION -> "demande enregistrée";
            case TICKET -> "À TRAITER PAR UN AGENT";
            case OUT_OF_SCOPE -> "hors sujet, orienté";
        };
    }
}
