package fr.sommenumerique.helpdesk.knowledge;

import fr.sommenumerique.helpdesk.knowledge.files.BundledPlainTexts;
import fr.sommenumerique.helpdesk.knowledge.files.KnowledgeFiles;
import fr.sommenumerique.helpdesk.knowledge.index.ArticleIndex;
import fr.sommenumerique.helpdesk.knowledge.index.BundledIndexes;
import fr.sommenumerique.helpdesk.knowledge.index.FrenchAnalysis;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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

    private record Snapshot(List<Article> articles, List<Article> outOfScopeTopics, List<IntentExample> intentExamples,
                            List<TopicExample> topicExamples, ServiceVocabulary serviceVocabulary,
                            ArticleSections sections, ArticleIndex index, ArticleIndex topicIndex,
                            String synonymsText, SynonymMap synonyms, Status status) {
    }

    private final Path folder;
    private final BundledIndexes bundledIndexes;
    private final FrenchAnalysis analysis = new FrenchAnalysis();
    private final KnowledgeFiles files;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    private KnowledgeBase(Path folder, BundledIndexes bundledIndexes) {
        this.folder = folder.toAbsolutePath().normalize();
        this.bundledIndexes = bundledIndexes;
        this.files = new KnowledgeFiles(bundledIndexes.plainTexts(), bundledIndexes.serviceVocabulary().orElse(null));
    }

    /**
     * Reads the folder and builds the index (or reads the one the build bundled for these very articles); fails only
     * if the folder itself is missing.
     */
    public static KnowledgeBase load(Path folder) {
        return load(folder, BundledIndexes.ofApplication());
    }

    /** The same, the indexes of these articles read from {@code bundledIndexes} when it has them. */
    public static KnowledgeBase load(Path folder, BundledIndexes bundledIndexes) {
        KnowledgeBase knowledgeBase = new KnowledgeBase(folder, bundledIndexes);
        knowledgeBase.reload();
        return knowledgeBase;
    }

    /** Re-reads every file and rebuilds the index; a broken file is reported in {@link #status()} and skipped. */
    public synchronized Status reload() {
        KnowledgeFiles.Contents contents = files.read(folder);
        List<ArticleProblem> problems = new ArrayList<>(contents.problems());
        long start = System.nanoTime();
        SynonymMap synonyms = parseSynonyms(contents.synonyms(), problems);
        // Two indexes: articles and topic cards compete in the second; the first measures how well an article
        // covers a question (the share of its informative words matched, weighted by their rarity among articles),
        // which the topic cards must not change.
        ArticleIndex index = new ArticleIndex(contents.articles(), synonyms, analysis, null, bundledIndexes);
        List<Article> indexed = new ArrayList<>(contents.articles());
        indexed.addAll(contents.outOfScopeTopics());
        ArticleIndex topicIndex = new ArticleIndex(indexed, synonyms, analysis, index, bundledIndexes);
        Duration buildTime = Duration.ofNanos(System.nanoTime() - start);
        Status status = new Status(folder, contents.articles().size(), List.copyOf(problems), Instant.now(), buildTime);
        Map<String, Article> sectioned = new HashMap<>();
        indexed.forEach(a -> sectioned.put(a.id(), a));
        ArticleSections sections = new ArticleSections(Map.copyOf(sectioned), this::sectionsOf);
        current.set(new Snapshot(contents.articles(), contents.outOfScopeTopics(), contents.intentExamples(),
                contents.topicExamples(), contents.serviceVocabulary(), sections, index, topicIndex,
                contents.synonyms(), synonyms, status));
        problems.forEach(p -> log.warn("Knowledge base: {} left out: {}", p.file().getFileName(), p.reason()));
        log.info("Knowledge base: {} articles and {} out-of-scope topics indexed in {} ms from {}, {} intent examples, "
                        + "{} topic examples", status.articleCount(), contents.outOfScopeTopics().size(),
                buildTime.toMillis(), folder, contents.intentExamples().size(), contents.topicExamples().size());
        return status;
    }

    /** The map the build parsed from this very list, if it bundled one; else the list parsed now. */
    private SynonymMap parseSynonyms(String text, List<ArticleProblem> problems) {
        Optional<SynonymMap> bundled = bundledIndexes.findSynonyms(text);
        if (bundled.isPresent()) {
            return bundled.get();
        }
        try {
            return analysis.parseSynonyms(text);
        } catch (ParseException | IllegalArgumentException e) {
            problems.add(new ArticleProblem(folder.resolve(KnowledgeFiles.SYNONYMS_FILE),
                    "liste de synonymes illisible, ignorée : " + e.getMessage()));
            return null;
        }
    }

    /** Writes both indexes of the knowledge base as loaded now among the bundled ones of {@code folder} (the build). */
    public void writeIndexes(Path folder) throws java.io.IOException {
        Snapshot snapshot = current.get();
        snapshot.index().writeTo(folder);
        snapshot.topicIndex().writeTo(folder);
    }

    /** Writes the plain text of every article and card as rendered now among the bundled files of {@code folder} (the build). */
    public void writePlainTexts(Path folder) throws java.io.IOException {
        Snapshot snapshot = current.get();
        List<Article> all = new ArrayList<>(snapshot.articles());
        all.addAll(snapshot.outOfScopeTopics());
        BundledPlainTexts.write(all, folder);
    }

    /** Writes the synonym map as parsed now among the bundled ones of {@code folder} (the build). */
    public void writeSynonyms(Path folder) throws java.io.IOException {
        Snapshot snapshot = current.get();
        BundledIndexes.writeSynonyms(snapshot.synonyms(), snapshot.synonymsText(), folder);
    }

    /** Searches the articles. */
    public SearchResult search(String text, int maxHits) {
        return current.get().index().search(text, maxHits);
    }

    /** The one article that {@link #search} finds for the text, if it finds exactly one (cheaper than searching). */
    public Optional<Article> onlyArticleFound(String text) {
        return current.get().index().onlyArticleFound(text);
    }

    /** How many articles (out-of-scope cards excluded) hold a term as search matched it. */
    public int articlesWith(String matchedTerm) {
        return current.get().index().articlesWith(matchedTerm);
    }

    /** Searches the articles and the out-of-scope topic cards together: is the closest one a card? */
    public SearchResult searchWithTopics(String text, int maxHits) {
        return current.get().topicIndex().search(text, maxHits);
    }

    /** The FAQ articles (out-of-scope topic cards excluded). */
    public List<Article> articles() {
        return current.get().articles();
    }

    /** The cards of municipal matters that are not Somme Numérique's, each saying where to turn instead. */
    public List<Article> outOfScopeTopics() {
        return current.get().outOfScopeTopics();
    }

    /** The questions asked about each article or card ({@code sujets/}), which the topic classifier learns from. */
    public List<TopicExample> topicExamples() {
        return current.get().topicExamples();
    }

    /** The labelled examples the intent classifier learns from. */
    public List<IntentExample> intentExamples() {
        return current.get().intentExamples();
    }

    /** The article's sections, in order: the first one states the answer, the others detail it. */
    public List<Section> sections(Article article) {
        return current.get().sections().of(article.id());
    }

    /** Paragraphs separated by a blank line; a paragraph ending with « : » keeps the list that follows it. */
    private List<Section> sectionsOf(Article article) {
        List<Section> sections = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String block : article.text().split("\\n\\s*\\n")) {
            String text = block.strip();
            if (text.isEmpty()) {
                continue;
            }
            pending.append(pending.isEmpty() ? "" : "\n").append(text);
            if (!text.endsWith(":")) {
                String section = pending.toString();
                sections.add(new Section(sections.size(), section, new HashSet<>(analysis.terms(section))));
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            sections.add(new Section(sections.size(), pending.toString(), new HashSet<>(analysis.terms(pending.toString()))));
        }
        return List.copyOf(sections);
    }

    public ServiceVocabulary serviceVocabulary() {
        return current.get().serviceVocabulary();
    }

    /** An article or out-of-scope topic card by id. */
    public Optional<Article> article(String id) {
        Snapshot snapshot = current.get();
        return java.util.stream.Stream.concat(snapshot.articles().stream(), snapshot.outOfScopeTopics().stream())
                .filter(a -> a.id().equals(id)).findFirst();
    }

    /** The European funding rule, from its article; empty when the article is missing or no longer states it. */
    public Optional<Funding> funding() {
        return article(Funding.ARTICLE).flatMap(Funding::of);
    }

    public Status status() {
        return current.get().status();
    }

    public Path folder() {
        return folder;
    }

    /**
     * Adds a labelled message to the intent corpus ({@code intentions/<intent>.txt}) and reloads, so the classifier
     * learns from a staff correction: the same file a maintainer edits.
     */
    public synchronized void appendIntentExample(Intent intent, String text) {
        String line = text.strip().replaceAll("\\r\\n|\\r|\\n", "\\\\n");
        append(folder.resolve(KnowledgeFiles.INTENTS_FOLDER).resolve(intent.code() + ".txt"), null, line);
        reload();
    }

    /**
     * Adds a case to an evaluation file of {@code eval/} (created with its header if missing), so that what staff
     * corrected stays checked.
     */
    public synchronized void appendEvaluationCase(String fileName, String question, String expected, String mustContain) {
        String line = String.join("\t", oneLine(question), expected, oneLine(mustContain), "");
        append(folder.resolve("eval").resolve(fileName), "question\texpected\tmust_contain\tmust_not_contain", line);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    private static void append(Path file, String header, String line) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            StringBuilder text = new StringBuilder();
            if (!java.nio.file.Files.exists(file) && header != null) {
                text.append(header).append('\n');
            } else if (java.nio.file.Files.exists(file) && java.nio.file.Files.size(file) > 0
                    && !java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).endsWith("\n")) {
                text.append('\n');
            }
            text.append(line).append('\n');
            java.nio.file.Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The normalized, stemmed, stop-word-free forms of a text, as the index compares them. */
    public List<String> normalizedTerms(String text) {
        return analysis.terms(text);
    }
}
