package fr.sommenumerique.helpdesk.knowledge.files;

import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.ArticleProblem;
import fr.sommenumerique.helpdesk.knowledge.Intent;
import fr.sommenumerique.helpdesk.knowledge.IntentExample;
import fr.sommenumerique.helpdesk.knowledge.ServiceVocabulary;
import fr.sommenumerique.helpdesk.knowledge.TopicExample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the knowledge-base folder: every {@code *.md} file at its top level except README.md is an article,
 * {@value #SYNONYMS_FILE} holds the synonym list, {@value #OUT_OF_SCOPE_FOLDER}/ the out-of-scope topic cards,
 * {@value #INTENTS_FOLDER}/ the labelled examples of each intent, {@value #TOPICS_FOLDER}/ the questions asked about each
 * article or card and {@value #SERVICES_FILE} the words naming each service. A broken file is reported, never fatal.
 */
public final class KnowledgeFiles {

    public static final String SYNONYMS_FILE = "synonymes.txt";
    public static final String OUT_OF_SCOPE_FOLDER = "hors-sujet";
    public static final String INTENTS_FOLDER = "intentions";
    public static final String TOPICS_FOLDER = "sujets";
    public static final String SERVICES_FILE = "services.yml";

    private final ArticleParser parser;
    private final ServiceVocabularyParser services = new ServiceVocabularyParser();

    private final BundledServiceVocabulary.Read bundledServices;

    public KnowledgeFiles() {
        this(Map.of(), null);
    }

    /**
     * {@code renderedTexts}: the plain text of each article body the build rendered ({@link BundledPlainTexts});
     * {@code bundledServices}: the service vocabulary the build read (may be null).
     */
    public KnowledgeFiles(Map<String, String> renderedTexts, BundledServiceVocabulary.Read bundledServices) {
        this.parser = new ArticleParser(renderedTexts);
        this.bundledServices = bundledServices;
    }

    public record Contents(List<Article> articles, List<Article> outOfScopeTopics, List<IntentExample> intentExamples,
                           List<TopicExample> topicExamples, ServiceVocabulary serviceVocabulary,
                           List<ArticleProblem> problems, String synonyms) {
    }

    public Contents read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Dossier de la base de connaissances introuvable : " + folder.toAbsolutePath());
        }
        List<ArticleProblem> problems = new ArrayList<>();
        Map<String, Path> seenIds = new HashMap<>();
        List<Article> articles = readArticles(markdownFiles(folder), false, seenIds, problems);
        List<Article> topics = readArticles(markdownFiles(folder.resolve(OUT_OF_SCOPE_FOLDER)), true, seenIds, problems);
        List<IntentExample> examples = readIntentExamples(folder.resolve(INTENTS_FOLDER), problems);
        List<TopicExample> asked = readTopicExamples(folder.resolve(TOPICS_FOLDER), seenIds.keySet(), problems);
        ServiceVocabulary vocabulary = readServices(folder.resolve(SERVICES_FILE), problems);
        return new Contents(articles, topics, examples, asked, vocabulary, problems, readSynonyms(folder, problems));
    }

    private List<Article> readArticles(List<Path> files, boolean outOfScope, Map<String, Path> seenIds,
                                       List<ArticleProblem> problems) {
        List<Article> articles = new ArrayList<>();
        for (Path file : files) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                Article article = outOfScope ? parser.parseOutOfScopeTopic(file, content) : parser.parse(file, content);
                Path previous = seenIds.putIfAbsent(article.id(), file);
                if (previous != null) {
                    problems.add(new ArticleProblem(file, "id « " + article.id() + " » déjà utilisé par " + previous.getFileName()));
                } else {
                    articles.add(article);
                }
            } catch (InvalidArticleException e) {
                problems.add(new ArticleProblem(file, e.getMessage()));
            } catch (IOException e) {
                problems.add(new ArticleProblem(file, "lecture impossible : " + e.getMessage()));
            }
        }
        return articles;
    }

    /**
     * One example per line in {@code <intent>.txt}; {@code #} starts a comment line; {@code \n} in a line stands for
     * a line break (a mail with its greeting and signature).
     */
    private static List<IntentExample> readIntentExamples(Path folder, List<ArticleProblem> problems) {
        List<IntentExample> examples = new ArrayList<>();
        for (Path file : files(folder, ".txt")) {
            String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
            Optional<Intent> intent = Intent.fromCode(name);
            if (intent.isEmpty()) {
                problems.add(new ArticleProblem(file, "intention inconnue « " + name + " »"));
                continue;
            }
            exampleLines(file, problems).forEach(text -> examples.add(new IntentExample(intent.get(), text)));
        }
        return examples;
    }

    /**
     * One question per line in {@code <article id>.txt}, as in the intent corpus; a file named after no article or
     * card is reported and left out.
     */
    private static List<TopicExample> readTopicExamples(Path folder, Set<String> ids, List<ArticleProblem> problems) {
        List<TopicExample> examples = new ArrayList<>();
        for (Path file : files(folder, ".txt")) {
            String id = file.getFileName().toString().replaceFirst("\\.txt$", "");
            if (!ids.contains(id)) {
                problems.add(new ArticleProblem(file, "aucun article ni fiche hors sujet n'a l'id « " + id + " »"));
                continue;
            }
            exampleLines(file, problems).forEach(text -> examples.add(new TopicExample(id, text)));
        }
        return examples;
    }

    /** The non-empty lines of an example file that are no comment, each {@code \n} made a line break. */
    private static List<String> exampleLines(Path file, List<ArticleProblem> problems) {
        try {
            // One string split in lines, not a reader's lines: the example files are most of what is read at start.
            return Files.readString(file, StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(text -> !text.isEmpty() && !text.startsWith("#"))
                    .map(text -> text.replace("\\n", "\n")).toList();
        } catch (IOException e) {
            problems.add(new ArticleProblem(file, "lecture impossible : " + e.getMessage()));
            return List.of();
        }
    }

    private ServiceVocabulary readServices(Path file, List<ArticleProblem> problems) {
        if (!Files.exists(file)) {
            return ServiceVocabulary.EMPTY;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (bundledServices != null && bundledServices.text().equals(text)) {
                return bundledServices.vocabulary();
            }
            return services.parse(text);
        } catch (InvalidArticleException e) {
            problems.add(new ArticleProblem(file, e.getMessage()));
        } catch (IOException e) {
            problems.add(new ArticleProblem(file, "lecture impossible : " + e.getMessage()));
        }
        return ServiceVocabulary.EMPTY;
    }

    private static List<Path> markdownFiles(Path folder) {
        return files(folder, ".md").stream()
                .filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md"))
                .toList();
    }

    private static List<Path> files(Path folder, String extension) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(extension))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readSynonyms(Path folder, List<ArticleProblem> problems) {
        Path file = folder.resolve(SYNONYMS_FILE);
        if (!Files.exists(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new ArticleProblem(file, "lecture impossible : " + e.getMessage()));
            return "";
        }
    }
}
