package fr.sommenumerique.helpdesk.web.render;

import fr.sommenumerique.helpdesk.knowledge.Funding;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Whether a commune falls under the European funding, for the staff pages ({@code ${@subsidy.label(c)}}): the limit
 * and the warning come from the knowledge base's {@link Funding}, as in the assistant's replies and the chat.
 */
@Component("subsidy")
public class SubsidyEligibility {

    private final KnowledgeBase knowledgeBase;

    public SubsidyEligibility(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    /** Null when the funding article no longer states a limit. */
    public Boolean eligible(Commune commune) {
        return funding().map(f -> f.eligible(commune.population())).orElse(null);
    }

    /** « éligible (moins de 2 000 habitants) », « non éligible (2 000 habitants ou plus) ». */
    public String label(Commune commune) {
        return funding().map(f -> f.eligible(commune.population())
                        ? "éligible (moins de " + f.limitText() + " habitants)"
                        : "non éligible (" + f.limitText() + " habitants ou plus)")
                .orElse(UNKNOWN);
    }

    /** « éligible », « non éligible ». */
    public String shortLabel(Commune commune) {
        Boolean eligible = eligible(commune);
        return eligible == null ? "inconnue" : eligible ? "éligible" : "non éligible";
    }

    /** « Éligible à la subvention (412 habitants, moins de 2 000) », « Non éligible… », « Inconnue… ». */
    public String requestText(Commune commune) {
        if (commune == null) {
            return "Inconnue : commune non identifiée";
        }
        String population = Funding.inhabitants(commune.population());
        return funding().map(f -> f.eligible(commune.population())
                        ? "Éligible à la subvention (" + population + " habitants, moins de " + f.limitText() + ")"
                        : "Non éligible à la subvention (" + population + " habitants, " + f.limitText() + " ou plus)")
                .orElse(UNKNOWN);
    }

    /** What the funding article says of who it was for and whether it still applies, quoted as it is. */
    public String summary() {
        return funding().map(Funding::summary).orElse("");
    }

    private static final String UNKNOWN = "inconnue : l'article sur le financement européen ne donne plus de seuil";

    private Optional<Funding> funding() {
        return knowledgeBase.funding();
    }
}
