package fr.sommenumerique.helpdesk.knowledge.files;

import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.ArticleProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the knowledge-base folder: every {@code *.md} file at its top level except README.md is an article, and
 * {@value #SYNONYMS_FILE} holds the synonym list. A broken file is reported, never fatal.
 */
public final class KnowledgeFiles {

    public static final String SYNONYMS_FILE = "synonymes.txt";

    private final ArticleParser parser = new ArticleParser();

    public record Contents(List<Article> articles, List<ArticleProblem> problems, String synonyms) {
    }

    public Contents read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Dossier de la base de connaissances introuvable : " + folder.toAbsolutePath());
        }
        List<Article> articles = new ArrayList<>();
        List<ArticleProblem> problems = new ArrayList<>();
        Map<String, Path> seenIds = new HashMap<>();
        for (Path file : articleFiles(folder)) {
            try {
                Article article = parser.parse(file, Files.readString(file, StandardCharsets.UTF_8));
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
        return new Contents(articles, problems, readSynonyms(folder, problems));
    }

    private static List<Path> articleFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md"))
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
