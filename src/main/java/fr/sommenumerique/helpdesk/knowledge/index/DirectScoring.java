package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The best articles for a query, scored as Lucene's search scores them, without the set-up of a Lucene search: on an
 * index of a hundred articles, making the postings readers and the bulk scorer's windows cost more than matching
 * (two thirds of what a decision allocated). Each term's documents, frequencies and length norms are read once; a
 * document's score is made of the very same BM25 scorers, combined as Lucene combines them: a clause's alternatives
 * by their best score plus the tie-breaker times the others ({@link DisjunctionMaxQuery}), the clauses summed in a
 * double then cast to a float (a sum of a few dozen scores of such close magnitudes is exact in a double, so the
 * order Lucene adds them in does not matter). Same scores and same order (best first, then by document), so the same
 * hits as {@link IndexSearcher#search(Query, int)}.
 * <p>
 * Only the queries {@link QueryBuilder} makes are scored so (should-clauses of alternatives, each a boosted term);
 * for any other, or one Lucene would rewrite (the same clause twice, boosts aside, has its boosts summed), it
 * answers empty and the caller searches with Lucene.
 */
final class DirectScoring {

    /** The documents holding a term in a field, in order, with the term's frequency in each. */
    private record Postings(int[] docs, int[] freqs) {
    }

    /** A term of a field asked with a boost: what a BM25 scorer is made for. */
    private record BoostedTerm(Term term, float boost) {
    }

    private final IndexSearcher searcher;
    private final int maxDoc;
    private final Map<String, Map<BytesRef, Postings>> postingsByField = new HashMap<>();
    /** Each field's length norm of each document, as BM25 reads it. */
    private final Map<String, long[]> normsByField = new HashMap<>();
    private final Map<String, CollectionStatistics> statisticsByField = new HashMap<>();
    /** The scorer of each boosted term asked, as a term query's weight makes it: as many as the vocabulary's terms. */
    private final Map<BoostedTerm, Similarity.SimScorer> scorers = new ConcurrentHashMap<>();

    DirectScoring(IndexSearcher searcher, List<String> fields) {
        this.searcher = searcher;
        IndexReader reader = searcher.getIndexReader();
        this.maxDoc = reader.maxDoc();
        try {
            for (String field : fields) {
                readField(reader, field);
                CollectionStatistics statistics = searcher.collectionStatistics(field);
                if (statistics != null) {
                    statisticsByField.put(field, statistics);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readField(IndexReader reader, String field) throws IOException {
        Map<BytesRef, List<int[]>> docsAndFreqs = new HashMap<>();
        long[] norms = new long[maxDoc];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues leafNorms = leaf.reader().getNormValues(field);
            if (leafNorms != null) {
                for (int doc = leafNorms.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = leafNorms.nextDoc()) {
                    norms[leaf.docBase + doc] = leafNorms.longValue();
                }
            }
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
                List<int[]> list = docsAndFreqs.computeIfAbsent(BytesRef.deepCopyOf(term), t -> new ArrayList<>());
                postings = termsEnum.postings(postings, PostingsEnum.FREQS);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    list.add(new int[] {leaf.docBase + doc, postings.freq()});
                }
            }
        }
        Map<BytesRef, Postings> fieldPostings = new HashMap<>();
        docsAndFreqs.forEach((term, list) -> fieldPostings.put(term, new Postings(
                list.stream().mapToInt(p -> p[0]).toArray(), list.stream().mapToInt(p -> p[1]).toArray())));
        postingsByField.put(field, fieldPostings);
        normsByField.put(field, norms);
    }

    /**
     * The {@code maxHits} best documents for the query with their scores, as Lucene's search gives them; empty when
     * the query is not one this scoring reproduces exactly.
     */
    Optional<ScoreDoc[]> top(Query query, int maxHits) {
        if (!(query instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() != 0) {
            return Optional.empty();
        }
        Set<Query> distinct = new HashSet<>();
        for (BooleanClause clause : bool.clauses()) {
            if (clause.getOccur() != BooleanClause.Occur.SHOULD
                    || !(clause.getQuery() instanceof DisjunctionMaxQuery alternatives)
                    || !distinct.add(rewrittenWithoutBoost(alternatives))) {
                return Optional.empty();
            }
        }
        double[] sums = new double[maxDoc];
        boolean[] matched = new boolean[maxDoc];
        float[] best = new float[maxDoc];
        double[] others = new double[maxDoc];
        boolean[] inClause = new boolean[maxDoc];
        for (BooleanClause clause : bool.clauses()) {
            DisjunctionMaxQuery alternatives = (DisjunctionMaxQuery) clause.getQuery();
            Arrays.fill(best, 0f);
            Arrays.fill(others, 0d);
            Arrays.fill(inClause, false);
            for (Query alternative : alternatives.getDisjuncts()) {
                if (!(alternative instanceof BoostQuery boosted) || !(boosted.getQuery() instanceof TermQuery termQuery)) {
                    return Optional.empty();
                }
                Term term = termQuery.getTerm();
                Postings postings = postingsByField.getOrDefault(term.field(), Map.of()).get(term.bytes());
                if (postings == null) {
                    continue; // a term the field lacks matches nothing (the query builder asks none)
                }
                Similarity.SimScorer scorer = scorer(termQuery, boosted.getBoost());
                long[] norms = normsByField.get(term.field());
                for (int i = 0; i < postings.docs().length; i++) {
                    int doc = postings.docs()[i];
                    float score = scorer.score(postings.freqs()[i], norms[doc]);
                    // as DisjunctionMaxScorer: the best, and the sum of the others
                    if (score >= best[doc]) {
                        others[doc] += best[doc];
                        best[doc] = score;
                    } else {
                        others[doc] += score;
                    }
                    inClause[doc] = true;
                }
            }
            float tieBreaker = alternatives.getTieBreakerMultiplier();
            for (int doc = 0; doc < maxDoc; doc++) {
                if (inClause[doc]) {
                    sums[doc] += (float) (best[doc] + others[doc] * tieBreaker);
                    matched[doc] = true;
                }
            }
        }
        List<ScoreDoc> hits = new ArrayList<>();
        for (int doc = 0; doc < maxDoc; doc++) {
            if (matched[doc]) {
                hits.add(new ScoreDoc(doc, (float) sums[doc]));
            }
        }
        // Lucene's order: the best score first, then the first document
        hits.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return Optional.of(hits.subList(0, Math.min(maxHits, hits.size())).toArray(ScoreDoc[]::new));
    }

    /**
     * What Lucene's rewriting makes of a clause, its boost aside: one alternative alone becomes the clause. Lucene merges
     * clauses that are then the same but for their boost into one with the boosts summed (« perdu » asked once as a
     * word, once as a near spelling), which does not score as their sum does.
     */
    private static Query rewrittenWithoutBoost(DisjunctionMaxQuery clause) {
        if (clause.getDisjuncts().size() != 1) {
            return clause;
        }
        Query only = clause.getDisjuncts().iterator().next();
        while (only instanceof BoostQuery boosted) {
            only = boosted.getQuery();
        }
        return only;
    }

    /** The BM25 scorer a term query's weight makes for the term, with the same boost and statistics. */
    private Similarity.SimScorer scorer(TermQuery query, float boost) {
        return scorers.computeIfAbsent(new BoostedTerm(query.getTerm(), boost), key -> {
            try {
                TermStates states = query.getTermStates();
                if (states == null) {
                    states = TermStates.build(searcher, key.term(), true);
                }
                return searcher.getSimilarity().scorer(boost, statisticsByField.get(key.term().field()),
                        searcher.termStatistics(key.term(), states.docFreq(), states.totalTermFreq()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
