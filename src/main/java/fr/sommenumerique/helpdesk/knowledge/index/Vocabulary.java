package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every term of the index with the articles that contain it (in any field), and the near spellings of a query
 * term. Computing these once per index keeps a search to a few dictionary look-ups: Lucene's own fuzzy queries
 * build an automaton per term and field on every search, which costs far more on an index this small.
 */
final class Vocabulary {

    private final Map<String, BitSet> docsByTerm = new HashMap<>();
    /**
     * The terms of each field. A set per field, not one set of « field:term » strings: a query asks each of its terms
     * in every field, and building those strings to look them up took a thirtieth of a decision.
     */
    private final Map<String, Set<String>> termsByField = new HashMap<>();
    private final Map<Character, List<String>> termsByFirstLetter = new HashMap<>();
    private final Map<String, List<String>> nearCache = new ConcurrentHashMap<>();

    Vocabulary(IndexReader reader, List<String> fields) {
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader leafReader = leaf.reader();
                for (String field : fields) {
                    Terms terms = leafReader.terms(field);
                    if (terms != null) {
                        collect(field, terms.iterator(), leaf.docBase);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        docsByTerm.keySet().forEach(term ->
                termsByFirstLetter.computeIfAbsent(term.charAt(0), c -> new ArrayList<>()).add(term));
    }

    private void collect(String field, TermsEnum termsEnum, int docBase) throws IOException {
        PostingsEnum postings = null;
        Set<String> fieldTerms = termsByField.computeIfAbsent(field, f -> new HashSet<>());
        for (BytesRef bytes = termsEnum.next(); bytes != null; bytes = termsEnum.next()) {
            String term = bytes.utf8ToString();
            fieldTerms.add(term);
            BitSet docs = docsByTerm.computeIfAbsent(term, t -> new BitSet());
            postings = termsEnum.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                docs.set(docBase + doc);
            }
        }
    }

    /** Whether the field holds the term: a query on a term a field lacks would only cost time. */
    boolean contains(String field, String term) {
        return termsByField.getOrDefault(field, Set.of()).contains(term);
    }

    boolean contains(String term) {
        return docsByTerm.containsKey(term);
    }

    /** The articles containing the term, or an empty set. Do not modify. */
    BitSet docs(String term) {
        return docsByTerm.getOrDefault(term, new BitSet());
    }

    /**
     * Indexed terms within {@code maxEdits} edits of the term, the term itself excluded. The first letter must
     * match: typos rarely hit it, and it keeps the comparisons few.
     */
    List<String> near(String term, int maxEdits) {
        if (maxEdits == 0 || term.isEmpty()) {
            return List.of();
        }
        return nearCache.computeIfAbsent(term + "~" + maxEdits, key -> {
            List<String> found = new ArrayList<>();
            for (String candidate : termsByFirstLetter.getOrDefault(term.charAt(0), List.of())) {
                if (!candidate.equals(term) && Math.abs(candidate.length() - term.length()) <= maxEdits
                        && EditDistance.atMost(term, candidate, maxEdits)) {
                    found.add(candidate);
                }
            }
            return List.copyOf(found);
        });
    }
}
