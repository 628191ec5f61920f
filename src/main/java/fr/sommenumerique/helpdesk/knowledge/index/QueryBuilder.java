package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a user's text into a Lucene query: one clause per word, its synonyms and (for a word the index does not
 * know) its near spellings being alternatives of the same clause. Records which articles match each clause, so that
 * coverage can be measured.
 */
final class QueryBuilder {

    /** Sample questions are what users ask, so they weigh most; the body weighs least. */
    static final Map<String, Float> FIELD_BOOSTS = Map.of(
            ArticleIndex.QUESTIONS, 2.5f,
            ArticleIndex.TITLE, 2.0f,
            ArticleIndex.TAGS, 1.5f,
            ArticleIndex.BODY, 1.0f);
    private static final float NEAR_SPELLING_BOOST = 0.5f;
    private static final float TIE_BREAKER = 0.3f;
    private static final int MIN_ONE_EDIT_LENGTH = 5;
    private static final int MIN_TWO_EDITS_LENGTH = 9;

    private final FrenchAnalysis analysis;
    private final Analyzer queryAnalyzer;
    private final Vocabulary vocabulary;
    private final int docCount;
    private final Function<Term, TermStates> termStates;

    QueryBuilder(FrenchAnalysis analysis, Analyzer queryAnalyzer, Vocabulary vocabulary, int docCount,
                 Function<Term, TermStates> termStates) {
        this.analysis = analysis;
        this.queryAnalyzer = queryAnalyzer;
        this.vocabulary = vocabulary;
        this.docCount = docCount;
        this.termStates = termStates;
    }

    ParsedQuery parse(String text) {
        List<ParsedQuery.Clause> clauses = new ArrayList<>();
        BooleanQuery.Builder whole = new BooleanQuery.Builder();
        for (Set<String> group : termGroups(text)) {
            Map<String, Float> alternatives = alternatives(group);
            BitSet docs = new BitSet();
            alternatives.keySet().forEach(term -> docs.or(vocabulary.docs(term)));
            clauses.add(new ParsedQuery.Clause(String.join("|", group), alternatives.keySet(), docs));
            clauseQuery(alternatives).ifPresent(q -> whole.add(q, BooleanClause.Occur.SHOULD));
        }
        return new ParsedQuery(whole.build(), clauses, docCount);
    }

    /** The terms that may stand for the group's words, with their weight: near spellings only for unknown words. */
    private Map<String, Float> alternatives(Set<String> group) {
        Map<String, Float> alternatives = new LinkedHashMap<>();
        for (String word : group) {
            alternatives.put(word, 1f);
        }
        for (String word : group) {
            if (!vocabulary.contains(word) && !word.chars().allMatch(Character::isDigit)) {
                for (String near : vocabulary.near(word, maxEdits(word))) {
                    alternatives.putIfAbsent(near, NEAR_SPELLING_BOOST);
                }
            }
        }
        return alternatives;
    }

    private static int maxEdits(String word) {
        if (word.length() >= MIN_TWO_EDITS_LENGTH) {
            return 2;
        }
        return word.length() >= MIN_ONE_EDIT_LENGTH ? 1 : 0;
    }

    private Optional<Query> clauseQuery(Map<String, Float> alternatives) {
        List<Query> queries = new ArrayList<>();
        alternatives.forEach((term, weight) -> FIELD_BOOSTS.forEach((field, boost) -> {
            if (vocabulary.contains(field, term)) {
                Term indexed = new Term(field, term);
                queries.add(new BoostQuery(new TermQuery(indexed, termStates.apply(indexed)), boost * weight));
            }
        }));
        return queries.isEmpty() ? Optional.empty() : Optional.of(new DisjunctionMaxQuery(queries, TIE_BREAKER));
    }

    /**
     * One group per word of the text, with the synonyms of the word or of the words starting there (« chorus pro »
     * → facture électronique…); stop words are dropped. A synonym belongs to the word where its match begins (it
     * carries that word's offsets), not to whatever came before it in the token stream: the synonym filter puts a
     * match's alternatives before the original word and the later words of a multi-word alternative at new
     * positions.
     */
    private List<Set<String>> termGroups(String text) {
        Map<Integer, Set<String>> byStart = new LinkedHashMap<>();
        try (TokenStream stream = queryAnalyzer.tokenStream(ArticleIndex.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                Set<String> group = byStart.computeIfAbsent(offset.startOffset(), start -> new LinkedHashSet<>());
                // an emoji (« 👋 ») is no word of the question
                if (!analysis.isStopWord(term) && term.chars().anyMatch(Character::isLetterOrDigit)) {
                    group.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Set<String>> distinct = new LinkedHashSet<>();
        for (Set<String> group : byStart.values()) {
            if (!group.isEmpty()) {
                distinct.add(group);
            }
        }
        return List.copyOf(distinct);
    }
}
