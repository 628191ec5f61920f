package fr.sommenumerique.helpdesk.knowledge.files;

import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.Intent;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one article: a YAML front matter between two {@code ---} lines, then a Markdown body. */
public final class ArticleParser {

    private final MarkdownText markdown;

    public ArticleParser() {
        this(Map.of());
    }

    /** {@code rendered}: the plain text of each Markdown body the build already rendered (see {@link BundledPlainTexts}). */
    public ArticleParser(Map<String, String> rendered) {
        this.markdown = new MarkdownText(rendered);
    }

    public Article parse(Path file, String content) throws InvalidArticleException {
        return parse(file, content, false);
    }

    /** An out-of-scope topic card has no service; its body says where to turn instead. */
    public Article parseOutOfScopeTopic(Path file, String content) throws InvalidArticleException {
        return parse(file, content, true);
    }

    private Article parse(Path file, String content, boolean outOfScope) throws InvalidArticleException {
        String normalized = content.replace("\r\n", "\n").replace('\uFEFF', ' ').strip();
        if (!normalized.startsWith("---\n")) {
            throw new InvalidArticleException("le fichier doit commencer par un en-tête (front matter) entre deux lignes ---");
        }
        int end = normalized.indexOf("\n---", 4);
        if (end < 0) {
            throw new InvalidArticleException("la ligne --- qui ferme l'en-tête est absente");
        }
        String frontMatter = normalized.substring(4, end);
        String body = normalized.substring(normalized.indexOf('\n', end + 1) + 1).strip();
        Map<String, Object> fields = readYaml(frontMatter);

        String id = requiredString(fields, "id");
        String expectedId = file.getFileName().toString().replaceFirst("\\.md$", "");
        if (!id.equals(expectedId)) {
            throw new InvalidArticleException("l'id « " + id + " » doit être égal au nom du fichier « " + expectedId + " »");
        }
        ServiceArea service = null;
        if (!outOfScope) {
            String serviceCode = requiredString(fields, "service");
            service = ServiceArea.fromCode(serviceCode)
                    .orElseThrow(() -> new InvalidArticleException("service inconnu « " + serviceCode + " »"));
        }
        if (body.isBlank()) {
            throw new InvalidArticleException("le corps de l'article est vide");
        }
        return new Article(id, requiredString(fields, "title"), service, stringList(fields, "tags"),
                stringList(fields, "questions"), reviewed(fields), Boolean.TRUE.equals(fields.get("handover")),
                stringList(fields, "unknowns"), request(fields), body, markdown.toPlainText(body), file, outOfScope);
    }

    private static Intent request(Map<String, Object> fields) throws InvalidArticleException {
        Object value = fields.get("request");
        if (value == null) {
            return null;
        }
        Optional<Intent> intent = Intent.fromCode(value.toString()).filter(Intent::isRequest);
        if (intent.isEmpty()) {
            throw new InvalidArticleException("demande inconnue « " + value + " » (request: une intention de demande, "
                    + "par exemple compte-creation)");
        }
        return intent.get();
    }

    private static Map<String, Object> readYaml(String frontMatter) throws InvalidArticleException {
        Map<String, Object> simple = SimpleFrontMatter.read(frontMatter);
        if (simple != null) {
            return simple;
        }
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(frontMatter);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new InvalidArticleException("l'en-tête n'est pas une liste de champs « nom: valeur »");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            return fields;
        } catch (YAMLException e) {
            throw new InvalidArticleException("en-tête YAML illisible : " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String requiredString(Map<String, Object> fields, String name) throws InvalidArticleException {
        Object value = fields.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new InvalidArticleException("le champ « " + name + " » est obligatoire");
        }
        return value.toString().strip();
    }

    private static List<String> stringList(Map<String, Object> fields, String name) throws InvalidArticleException {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidArticleException("le champ « " + name + " » doit être une liste");
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            if (item != null && !item.toString().isBlank()) {
                result.add(item.toString().strip());
            }
        }
        return result;
    }

    private static LocalDate reviewed(Map<String, Object> fields) throws InvalidArticleException {
        Object value = fields.get("reviewed");
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate(); // YAML dates are UTC midnight
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidArticleException("date « reviewed » invalide (attendu AAAA-MM-JJ) : " + value);
        }
    }
}
