package fr.sommenumerique.helpdesk.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The expressions that name each service of the offer, read from {@code knowledge-base/services.yml}.
 *
 * @param expressions per service, the words or phrases that name it
 * @param except      per service, phrases that contain one of its expressions but mean something else
 *                    (« la marche à suivre » is not Marchés publics)
 * @param alone       per service, phrases that name it only when no other service is named (the brand
 *                    « Mairie connectée » next to « Actes » is about Actes, not the whole offer)
 * @param inPassing   per service, phrases that name it too, but that a municipal matter outside the offer also uses
 *                    in passing (« faut-il une délibération pour le columbarium ? » is not about Actes)
 */
public record ServiceVocabulary(Map<ServiceArea, List<String>> expressions, Map<ServiceArea, List<String>> except,
                                Map<ServiceArea, List<String>> alone, Map<ServiceArea, List<String>> inPassing) {

    public static final ServiceVocabulary EMPTY = new ServiceVocabulary(Map.of(), Map.of(), Map.of(), Map.of());

    public ServiceVocabulary {
        expressions = Map.copyOf(expressions);
        except = Map.copyOf(except);
        alone = Map.copyOf(alone);
        inPassing = Map.copyOf(inPassing);
    }
}
