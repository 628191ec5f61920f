package fr.sommenumerique.helpdesk.assistant.rules;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.knowledge.ServiceVocabulary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which services of the offer a normalized text talks about, from the expressions of {@code services.yml}: whole
 * words and phrases only, misleading phrases set aside first (« la marche à suivre »), and the words that name the
 * whole offer counted only when no service is named.
 */
public final class ServiceDetector {

    private final Map<ServiceArea, Pattern> expressions = new EnumMap<>(ServiceArea.class);
    private final Map<ServiceArea, Pattern> alone = new EnumMap<>(ServiceArea.class);
    private final Optional<Pattern> except;
    private final Optional<Pattern> inPassing;

    public ServiceDetector(ServiceVocabulary vocabulary) {
        vocabulary.expressions().forEach((service, phrases) -> {
            List<String> all = new ArrayList<>(phrases);
            all.addAll(vocabulary.inPassing().getOrDefault(service, List.of()));
            phrases(all).ifPresent(p -> expressions.put(service, p));
        });
        vocabulary.alone().forEach((service, phrases) -> phrases(phrases).ifPresent(p -> alone.put(service, p)));
        List<String> misleading = new ArrayList<>();
        vocabulary.except().values().forEach(misleading::addAll);
        this.except = phrases(misleading);
        List<String> passing = new ArrayList<>();
        vocabulary.inPassing().values().forEach(passing::addAll);
        this.inPassing = phrases(passing);
    }

    private static Optional<Pattern> phrases(List<String> phrases) {
        List<String> quoted = phrases.stream().map(TextNormalizer::normalize).filter(p -> !p.isEmpty())
                .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList();
        return quoted.isEmpty() ? Optional.empty()
                : Optional.of(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", quoted) + ")(?![\\p{L}\\p{N}])"));
    }

    /**
     * Services the text names other than in passing: « faut-il une délibération pour créer un columbarium ? » names
     * none, « la délibération est bloquée sur Actes » names Actes.
     */
    public List<ServiceArea> detectOutright(String normalizedText) {
        return detect(inPassing.map(p -> p.matcher(normalizedText).replaceAll(" ")).orElse(normalizedText));
    }

    /** Services named in the text, in the order of the offer. */
    public List<ServiceArea> detect(String normalizedText) {
        String text = except.map(p -> p.matcher(normalizedText).replaceAll(" ")).orElse(normalizedText);
        Set<ServiceArea> found = new LinkedHashSet<>();
        for (ServiceArea service : ServiceArea.values()) {
            Pattern pattern = expressions.get(service);
            if (pattern != null && pattern.matcher(text).find()) {
                found.add(service);
            }
        }
        if (found.isEmpty()) {
            for (ServiceArea service : ServiceArea.values()) {
                Pattern pattern = alone.get(service);
                if (pattern != null && pattern.matcher(text).find()) {
                    found.add(service);
                }
            }
        }
        return List.copyOf(found);
    }
}
