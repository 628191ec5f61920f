package fr.sommenumerique.helpdesk.knowledge;

import fr.sommenumerique.helpdesk.knowledge.files.KnowledgeFiles;
import fr.sommenumerique.helpdesk.knowledge.index.ArticleIndex;
import fr.sommenumerique.helpdesk.knowledge.index.FrenchAnalysis;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The knowledge base: articles read from a folder and their search index. {@link #reload()} swaps in a new
 * snapshot atomically, so searches running meanwhile keep using the previous one.
 */
public final class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    /** What was loaded, when, how long indexing took, and which files were left out. */
    public record Status(Path folder, int articleCount, List<ArticleProblem> problems, Instant loadedAt,
                         Duration indexBuildTime) {
    }

    private record Snapshot(List<Article> articles, ArticleIndex index, Status status) {
    }

    private final Path folder;
    private final FrenchAnalysis analysis = new FrenchAnalysis();
    private final KnowledgeFiles files = new KnowledgeFiles();
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    private KnowledgeBase(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** Reads the folder and builds the index; fails only if the folder itself is missing. */
    public static KnowledgeBase load(Path folder) {
        KnowledgeBase knowledgeBase = new KnowledgeBase(folder);
        knowledgeBase.reload();
        return knowledgeBase;
    }

    /** Re-reads every file and rebuilds the index; a broken file is reported in {@link #status()} and skipped. */
    public synchronized Status reload() {
        KnowledgeFiles.Contents contents = files.read(folder);
        List<ArticleProblem> problems = new ArrayList<>(contents.problems());
        long start = System.nanoTime();
        SynonymMap synonyms = parseSynonyms(contents.synonyms(), problems);
        ArticleIndex index = new ArticleIndex(contents.articles(), synonyms, analysis);
        Duration buildTime = Duration.ofNanos(System.nanoTime() - start);
        Status status = new Status(folder, contents.articles().size(), List.copyOf(problems), Instant.now(), buildTime);
        current.set(new Snapshot(contents.articles(), index, status));
        problems.forEach(p -> log.warn("Knowledge base: {} left out: {}", p.file().getFileName(), p.reason()));
        log.info("Knowledge base: {} articles indexed in {} ms from {}", status.articleCount(),
                buildTime.toMillis(), folder);
        return status;
    }

    private SynonymMap parseSynonyms(String text, List<ArticleProblem> problems) {
        try {
            return analysis.parseSynonyms(text);
        } catch (ParseException | IllegalArgumentException e) {
            problems.add(new ArticleProblem(folder.resolve(KnowledgeFiles.SYNONYMS_FILE),
                    "liste de synonymes illisible, ignorée : " + e.getMessage()));
            return null;
        }
    }

    public SearchResult search(String text, int maxHits) {
        return current.get().index().search(text, maxHits);
    }

    public List<Article> articles() {
        return current.get().articles();
    }

    public Optional<Article> article(String id) {
        return articles().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Status status() {
        return current.get().status();
    }

    public Path folder() {
        return folder;
    }

    /** The normalized, stemmed, stop-word-free forms of a text, as the index compares them. */
    public List<String> normalizedTerms(String text) {
        return analysis.terms(text);
    }
}
