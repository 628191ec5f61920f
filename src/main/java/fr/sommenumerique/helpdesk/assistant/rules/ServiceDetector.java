package fr.sommenumerique.helpdesk.assistant.rules;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Which services of the offer a normalized text talks about. */
public final class ServiceDetector {

    private static final Map<ServiceArea, Pattern> PATTERNS = new EnumMap<>(ServiceArea.class);

    static {
        PATTERNS.put(ServiceArea.ACTES, Pattern.compile("\\b(?:@?ctes|actes?|teletransm\\w*|tele-transm\\w*|"
                + "controle de legalite|prefecture|prefet|deliberations?|delibs?|arretes?|accuses? de reception|ar|"
                + "tiers de teletransmission|s2low|certificats?|certifs?|rgs|budgets?|pes|helios)\\b"));
        PATTERNS.put(ServiceArea.MARCHES, Pattern.compile("\\b(?:marches?|consultations?|dce|appels? d'offres?|"
                + "profil d'acheteur|mapa|boamp|plis?|candidatures?|entreprises?|depose\\w* (?:son|leur|une|les) offres?|"
                + "offres? (?:d'une|des|de l') entreprises?|commande publique|dume|chorus)\\b"));
        PATTERNS.put(ServiceArea.PARTAGE, Pattern.compile("\\b(?:partage de fichiers?|partage|lien de partage|"
                + "liens? de telechargement|transfert de fichiers?|gros fichiers?|envoyer (?:un|des) fichiers?)\\b"));
        PATTERNS.put(ServiceArea.FORMATION, Pattern.compile("\\b(?:formations?|former|session de presentation|"
                + "presentation)\\b"));
        PATTERNS.put(ServiceArea.OFFRE, Pattern.compile("\\b(?:mairie connectee|pack|tout(?:e)? l'offre|l'offre|"
                + "charte|ensemble des services|tous les services|tout le pack)\\b"));
    }

    private ServiceDetector() {
    }

    /** Services named in the text, in the order of the offer. */
    public static List<ServiceArea> detect(String normalizedText) {
        Set<ServiceArea> found = new LinkedHashSet<>();
        PATTERNS.forEach((service, pattern) -> {
            if (pattern.matcher(normalizedText).find()) {
                found.add(service);
            }
        });
        return List.copyOf(found);
    }
}
