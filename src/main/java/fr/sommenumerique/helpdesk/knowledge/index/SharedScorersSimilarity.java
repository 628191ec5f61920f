package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BM25, with each term's scorer made once instead of at every search. Making one fills a table of 256 scores by
 * length: on an index of a hundred articles that cost more than matching the term, and a search asks dozens of terms.
 * A BM25 scorer depends only on the boost and on the statistics kept in the key, and it is immutable; the index never
 * changes, so a kept scorer gives the very same scores. Norms are the default ones, as BM25's.
 */
final class SharedScorersSimilarity extends Similarity {

    /** What BM25 reads to make a term's scorer (besides its own k1 and b). */
    private record Key(float boost, String field, long docCount, long sumTotalTermFreq, long docFreq) {
    }

    private final BM25Similarity bm25 = new BM25Similarity();
    /** As many as the distinct (field, boost, document frequency) asked: bounded by the index, not by the users. */
    private final Map<Key, SimScorer> scorers = new ConcurrentHashMap<>();

    @Override
    public SimScorer scorer(float boost, CollectionStatistics collectionStats, TermStatistics... termStats) {
        if (termStats.length != 1) { // a phrase's statistics: not asked by these indexes
            return bm25.scorer(boost, collectionStats, termStats);
        }
        Key key = new Key(boost, collectionStats.field(), collectionStats.docCount(),
                collectionStats.sumTotalTermFreq(), termStats[0].docFreq());
        return scorers.computeIfAbsent(key, k -> bm25.scorer(boost, collectionStats, termStats));
    }
}
