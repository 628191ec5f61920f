package fr.sommenumerique.helpdesk.knowledge.files;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.knowledge.ServiceVocabulary;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code services.yml}: for each service code, {@code expressions} (phrases that name it), optional
 * {@code sauf} (phrases that look like it but mean something else), {@code seul} (phrases that name it only
 * when no other service is named) and {@code en_passant} (phrases that name it, but that municipal matters outside
 * the offer use in passing too).
 */
final class ServiceVocabularyParser {

    ServiceVocabulary parse(String yaml) throws InvalidArticleException {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidArticleException("YAML illisible : " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(loaded instanceof Map<?, ?> services)) {
            throw new InvalidArticleException("le fichier doit lister les services (« actes: », « marches: »…)");
        }
        Map<ServiceArea, List<String>> expressions = new EnumMap<>(ServiceArea.class);
        Map<ServiceArea, List<String>> except = new EnumMap<>(ServiceArea.class);
        Map<ServiceArea, List<String>> alone = new EnumMap<>(ServiceArea.class);
        Map<ServiceArea, List<String>> inPassing = new EnumMap<>(ServiceArea.class);
        for (Map.Entry<?, ?> entry : services.entrySet()) {
            ServiceArea service = ServiceArea.fromCode(String.valueOf(entry.getKey()))
                    .orElseThrow(() -> new InvalidArticleException("service inconnu « " + entry.getKey() + " »"));
            if (!(entry.getValue() instanceof Map<?, ?> fields)) {
                throw new InvalidArticleException("« " + entry.getKey() + " » doit avoir des champs « expressions: »…");
            }
            expressions.put(service, strings(fields.get("expressions"), entry.getKey() + ".expressions"));
            except.put(service, strings(fields.get("sauf"), entry.getKey() + ".sauf"));
            alone.put(service, strings(fields.get("seul"), entry.getKey() + ".seul"));
            inPassing.put(service, strings(fields.get("en_passant"), entry.getKey() + ".en_passant"));
        }
        return new ServiceVocabulary(expressions, except, alone, inPassing);
    }

    private static List<String> strings(Object value, String name) throws InvalidArticleException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidArticleException("« " + name + " » doit être une liste");
        }
        List<String> result = new ArrayList<>();
        list.stream().filter(v -> v != null && !v.toString().isBlank()).forEach(v -> result.add(v.toString().strip()));
        return result;
    }
}
