package fr.sommenumerique.helpdesk.knowledge.index;

import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.SearchHit;
import fr.sommenumerique.helpdesk.knowledge.SearchResult;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An in-memory Lucene index over the articles (a few dozen: memory is the simplest and fastest store, and it is
 * rebuilt from the files at start-up and on change). Immutable once built, so searches need no locking.
 */
public final class ArticleIndex {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String QUESTIONS = "questions";
    static final String TAGS = "tags";
    static final String BODY = "body";

    /** « 1) vos horaires ? 2) … »: the number of a list item says nothing of what is asked. */
    private static final Pattern LIST_MARKER = Pattern.compile("(?<![\\p{L}\\d])\\(?\\d{1,2}\\)");

    /** How many of BM25's best articles are re-ranked. */
    private static final int RERANKED = 10;

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

    private final List<Article> articles;
    private final Map<String, Article> byId;
    /** What names the index among the bundled ones; the directory is kept for the build to write it there. */
    private final String key;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final QueryBuilder queries;
    private final Vocabulary vocabulary;
    /**
     * Made at the first search, not with the index: reading every posting again took a tenth of the knowledge base's
     * cold load on one core, which is tight, and an index rebuilt on a change may never be searched.
     */
    private volatile DirectScoring directScoring;
    private final Map<String, Passages> passages;
    /** The article of each document, read once: reading a hit's stored id cost a decompression per hit. */
    private final Article[] articleByDoc;
    /**
     * Each query term's statistics and place in the terms dictionary, looked up once: the index never changes, and
     * looking them up again took a seventh of a decision. Same statistics, so the same scores. Words the index does
     * not have are not kept.
     */
    private final Map<Term, TermStates> termStates = new ConcurrentHashMap<>();
    /**
     * The results of the last few searches, by text and number of hits: deciding on a long message searches some of
     * its texts several times (the whole message, then each part, then the part again to choose between readings).
     */
    private final RecentlyMade<SearchKey, SearchResult> recentSearches = new RecentlyMade<>(32);
    /** Kept to tell whether another index reads texts as this one does (see {@code recentTermGroups}). */
    private final SynonymMap synonyms;
    private final FrenchAnalysis analysis;
    /**
     * The words (with their synonyms) last read from a few texts. Both indexes read a text the same way, and deciding
     * on a message searches each text in both: the second takes the words the first has just read.
     */
    private final RecentlyMade<String, List<QueryBuilder.TermGroup>> recentTermGroups;

    private record SearchKey(String text, int maxHits) {
    }

    public ArticleIndex(List<Article> articles, SynonymMap synonyms, FrenchAnalysis analysis) {
        this(articles, synonyms, analysis, null, BundledIndexes.NONE);
    }

    /**
     * An index over {@code articles}, read from {@code bundled} when the build wrote it for exactly these articles,
     * else built; it takes the sentences already analysed by {@code sharing} for the articles they have in common
     * (the topic index holds every article again), instead of analysing them a second time, and the words it has just
     * read from the texts searched, when it reads them the same way (same analysis and synonyms).
     */
    public ArticleIndex(List<Article> articles, SynonymMap synonyms, FrenchAnalysis analysis, ArticleIndex sharing,
                        BundledIndexes bundled) {
        this.articles = List.copyOf(articles);
        this.synonyms = synonyms;
        this.analysis = analysis;
        this.recentTermGroups = sharing != null && sharing.synonyms == synonyms && sharing.analysis == analysis
                ? sharing.recentTermGroups : new RecentlyMade<>(32);
        this.byId = this.articles.stream().collect(Collectors.toMap(Article::id, a -> a));
        Analyzer indexAnalyzer = analysis.indexAnalyzer();
        this.key = BundledIndexes.key(this.articles);
        DirectoryReader bundledReader = bundled.find(key).map(ArticleIndex::openBundled).orElse(null);
        this.directory = bundledReader != null ? (ByteBuffersDirectory) bundledReader.directory()
                : build(this.articles, indexAnalyzer);
        try {
            this.reader = bundledReader != null ? bundledReader : DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null); // every query is new; caching would only cost
        this.searcher.setSimilarity(new SharedScorersSimilarity());
        this.articleByDoc = articlesByDoc();
        this.vocabulary = new Vocabulary(reader, List.copyOf(QueryBuilder.FIELD_BOOSTS.keySet()));
        this.queries = new QueryBuilder(analysis, analysis.queryAnalyzer(synonyms), vocabulary, reader.numDocs(),
                this::termStates, recentTermGroups);
        this.passages = this.articles.stream().collect(Collectors.toMap(Article::id, a ->
                sharing != null && sharing.byId.get(a.id()) == a ? sharing.passages.get(a.id())
                        : new Passages(a.text(), indexAnalyzer)));
    }

    /** A bundled index that Lucene cannot open (a damaged file) is built instead. */
    private static DirectoryReader openBundled(ByteBuffersDirectory directory) {
        try {
            return DirectoryReader.open(directory);
        } catch (IOException | RuntimeException e) {
            log.warn("Bundled index unreadable, built instead: {}", e.toString());
            return null;
        }
    }

    /**
     * Each file in one buffer: reading the index clones and slices its inputs at every term and posting looked up,
     * cheaper over one buffer than over the many small ones the files were written in.
     */
    static ByteBuffersDirectory newDirectory() {
        return new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    }

    private static ByteBuffersDirectory build(List<Article> articles, Analyzer indexAnalyzer) {
        ByteBuffersDirectory directory = newDirectory();
        // One small segment in memory: packing its files into a compound file would only copy them.
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer).setUseCompoundFile(false))) {
            for (Article article : articles) {
                writer.addDocument(toDocument(article));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** Writes this index among the bundled ones of {@code folder} (for the build). */
    public void writeTo(Path folder) throws IOException {
        BundledIndexes.write(directory, key, folder);
    }

    private Article[] articlesByDoc() {
        try {
            Article[] byDoc = new Article[reader.maxDoc()];
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < byDoc.length; doc++) {
                byDoc[doc] = byId.get(stored.document(doc).get(ID));
            }
            return byDoc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TermStates termStates(Term term) {
        TermStates known = termStates.get(term);
        if (known != null) {
            return known;
        }
        try {
            TermStates states = TermStates.build(searcher, term, true);
            // Only words of the index are kept: the map stays as small as its vocabulary, whatever users write.
            if (states.docFreq() > 0) {
                termStates.put(term, states);
            }
            return states;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document toDocument(Article article) {
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Field.Store.YES));
        doc.add(new TextField(TITLE, article.title(), Field.Store.NO));
        for (String question : article.questions()) {
            doc.add(new TextField(QUESTIONS, question, Field.Store.NO));
        }
        doc.add(new TextField(TAGS, String.join(" ", article.tags()), Field.Store.NO));
        doc.add(new TextField(BODY, article.text(), Field.Store.NO));
        return doc;
    }

    /**
     * BM25 alone favours an article that repeats one of the words (a synonym-rich topic wins on a single word);
     * coverage alone ignores how central the words are to the article. Half of each, the score relative to the best.
     */
    private static double rank(SearchHit hit, float bestScore) {
        return 0.5 * hit.coverage() + 0.5 * hit.score() / bestScore;
    }

    public int size() {
        return articles.size();
    }

    /**
     * How many articles hold a matched term as it is indexed (« adres », or « tarif|tarific » for a synonym group).
     * Searching the term instead would analyse the stem once more, and « adres » would become another word.
     */
    public int articlesWith(String matchedTerm) {
        BitSet docs = new BitSet();
        for (String term : matchedTerm.split("\\|")) {
            docs.or(vocabulary.docs(term));
        }
        return docs.cardinality();
    }

    public SearchResult search(String text, int maxHits) {
        return recentSearches.get(new SearchKey(text, maxHits), () -> searchNow(text, maxHits));
    }

    /**
     * The one article that {@link #search} finds for the text, if it finds exactly one. Which articles match needs no
     * scoring: the vocabulary knows them. Asked of single words of a message (does one article alone know it?), these
     * searches were half of those of a long message.
     */
    public Optional<Article> onlyArticleFound(String text) {
        BitSet docs = queries.matchingDocs(LIST_MARKER.matcher(text).replaceAll(" "));
        return docs.cardinality() == 1 ? Optional.of(articleByDoc[docs.nextSetBit(0)]) : Optional.empty();
    }

    /**
     * The best documents for the query: scored directly (see {@link DirectScoring}), or by Lucene for a query that
     * scoring does not reproduce exactly.
     */
    private ScoreDoc[] topDocs(Query query, int maxHits) throws IOException {
        Optional<ScoreDoc[]> direct = directScoring().top(query, maxHits);
        return direct.isPresent() ? direct.get() : luceneTopDocs(query, maxHits);
    }

    private DirectScoring directScoring() {
        DirectScoring scoring = directScoring;
        if (scoring == null) {
            // two threads may both make it: the same either way, and cheaper than a lock on every search
            directScoring = scoring = new DirectScoring(searcher, List.copyOf(QueryBuilder.FIELD_BOOSTS.keySet()));
        }
        return scoring;
    }

    private ScoreDoc[] luceneTopDocs(Query query, int maxHits) throws IOException {
        return searcher.search(query, maxHits).scoreDocs;
    }

    /** The best documents for the text, scored directly and by Lucene (for a test that they are the same). */
    List<ScoreDoc[]> topDocsBothWays(String text, int maxHits) throws IOException {
        Query query = queries.parse(text).query();
        return List.of(directScoring().top(query, maxHits).orElseThrow(), luceneTopDocs(query, maxHits));
    }

    private SearchResult searchNow(String text, int maxHits) {
        ParsedQuery parsed = queries.parse(LIST_MARKER.matcher(text).replaceAll(" "));
        if (parsed.isEmpty()) {
            return new SearchResult(List.of(), List.of(), List.of());
        }
        try {
            ScoreDoc[] top = topDocs(parsed.query(), Math.max(RERANKED, maxHits));
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc scoreDoc : top) {
                hits.add(new SearchHit(articleByDoc[scoreDoc.doc], scoreDoc.score, parsed.coverage(scoreDoc.doc),
                        parsed.matchedTerms(scoreDoc.doc), null));
            }
            float bestScore = hits.isEmpty() ? 1f : hits.get(0).score();
            hits.sort(Comparator.comparingDouble((SearchHit h) -> -rank(h, bestScore)));
            // The passage of the hits returned only: finding it for every re-ranked hit took a tenth of a decision.
            Set<String> highlighted = parsed.allTerms();
            List<SearchHit> returned = hits.subList(0, Math.min(maxHits, hits.size())).stream()
                    .map(h -> new SearchHit(h.article(), h.score(), h.coverage(), h.matchedTerms(),
                            passages.get(h.article().id()).best(highlighted)))
                    .toList();
            return new SearchResult(parsed.termLabels(), parsed.unknownTerms(), returned);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
