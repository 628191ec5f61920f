package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
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
import java.util.concurrent.ConcurrentHashMap;
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
    /** Ways of saying one word that are walked at most (a synonym group has a few; this only bounds a bad file). */
    private static final int MAX_PATHS = 32;

    private final FrenchAnalysis analysis;
    private final Analyzer queryAnalyzer;
    private final Vocabulary vocabulary;
    private final int docCount;
    private final Function<Term, TermStates> termStates;
    private final RecentlyMade<String, List<TermGroup>> recentTermGroups;
    /**
     * The query on each term of each field, made once: a query asks its terms in every field, and making the term
     * (its bytes) and finding its statistics again for each took a tenth of a decision. Lucene's queries are
     * immutable, so one serves every search. Only terms the field holds are kept: as many as the vocabulary.
     */
    private final Map<String, Map<String, TermQuery>> termQueries = new ConcurrentHashMap<>();
    /**
     * What the last few groups of words made of a query. A message's texts (the message, its parts, their sentences and
     * clauses) share most of their words; what a group makes depends only on the group and the index. Kept as many as
     * the words of a few messages.
     */
    private final RecentlyMade<GroupKey, GroupClause> recentGroupClauses = new RecentlyMade<>(1024);

    /** What a group of words makes of a query; {@code query} is empty when no field holds any of its terms. */
    private record GroupClause(ParsedQuery.Clause clause, Optional<Query> query) {
    }

    /**
     * A group's words in their order (the order of the clause's alternatives and label; the group's own equality
     * ignores it) and its ways of saying them.
     */
    private record GroupKey(List<String> terms, List<List<String>> paths) {
    }

    QueryBuilder(FrenchAnalysis analysis, Analyzer queryAnalyzer, Vocabulary vocabulary, int docCount,
                 Function<Term, TermStates> termStates, RecentlyMade<String, List<TermGroup>> recentTermGroups) {
        this.analysis = analysis;
        this.queryAnalyzer = queryAnalyzer;
        this.vocabulary = vocabulary;
        this.docCount = docCount;
        this.termStates = termStates;
        this.recentTermGroups = recentTermGroups;
    }

    ParsedQuery parse(String text) {
        List<ParsedQuery.Clause> clauses = new ArrayList<>();
        BooleanQuery.Builder whole = new BooleanQuery.Builder();
        for (TermGroup termGroup : recentTermGroups.get(text, () -> termGroups(text))) {
            GroupClause made = groupClause(termGroup);
            clauses.add(made.clause());
            made.query().ifPresent(q -> whole.add(q, BooleanClause.Occur.SHOULD));
        }
        return new ParsedQuery(whole.build(), clauses, docCount);
    }

    /**
     * The group's clause and its part of the query, kept for the other texts that have the group.
     */
    private GroupClause groupClause(TermGroup termGroup) {
        return recentGroupClauses.get(new GroupKey(List.copyOf(termGroup.terms()), termGroup.paths()), () -> {
            Set<String> group = termGroup.terms();
            Map<String, Float> alternatives = alternatives(group);
            BitSet docs = new BitSet();
            alternatives.keySet().stream().filter(term -> !group.contains(term))
                    .forEach(near -> docs.or(vocabulary.docs(near)));
            termGroup.paths().forEach(path -> docs.or(docsWithAll(path)));
            return new GroupClause(
                    new ParsedQuery.Clause(String.join("|", group), alternatives.keySet(), docs),
                    clauseQuery(alternatives));
        });
    }

    /**
     * The articles that the query on the text matches: those holding, in one of the fields searched, a term one of its
     * clauses asks (a word, a synonym, a near spelling). Read from the vocabulary, without making the query.
     */
    BitSet matchingDocs(String text) {
        BitSet docs = new BitSet();
        for (TermGroup termGroup : termGroups(text)) {
            groupClause(termGroup).clause().terms().forEach(term -> docs.or(vocabulary.docs(term)));
        }
        return docs;
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

    /**
     * The articles holding every word of one way of saying the group (« bulletin officiel des annonces des marchés
     * publics » for « BOAMP »): not every article that says « public », or the acronym would weigh as little as its
     * most common word.
     */
    private BitSet docsWithAll(List<String> path) {
        if (path.size() == 1) {
            return vocabulary.docs(path.get(0));
        }
        BitSet docs = null;
        for (String term : path) {
            if (analysis.isStopWord(term)) {
                continue;
            }
            if (docs == null) {
                docs = (BitSet) vocabulary.docs(term).clone();
            } else {
                docs.and(vocabulary.docs(term));
            }
        }
        return docs == null ? new BitSet() : docs;
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
                queries.add(new BoostQuery(termQuery(field, term), boost * weight));
            }
        }));
        return queries.isEmpty() ? Optional.empty() : Optional.of(new DisjunctionMaxQuery(queries, TIE_BREAKER));
    }

    /** The query on a term the field holds (see {@link #termQueries}). */
    private TermQuery termQuery(String field, String term) {
        return termQueries.computeIfAbsent(field, f -> new ConcurrentHashMap<>()).computeIfAbsent(term, t -> {
            Term indexed = new Term(field, t);
            return new TermQuery(indexed, termStates.apply(indexed));
        });
    }

    /**
     * One group per word of the text, with the synonyms of the word or of the words starting there (« chorus pro »
     * → facture électronique…); stop words are dropped. A synonym belongs to the word where its match begins (it
     * carries that word's offsets), not to whatever came before it in the token stream: the synonym filter puts a
     * match's alternatives before the original word and the later words of a multi-word alternative at new
     * positions.
     */
    private List<TermGroup> termGroups(String text) {
        Map<Integer, List<GraphToken>> tokensByStart = new LinkedHashMap<>();
        try (TokenStream stream = queryAnalyzer.tokenStream(ArticleIndex.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokensByStart.computeIfAbsent(offset.startOffset(), start -> new ArrayList<>())
                        .add(new GraphToken(term.toString(), position, position + length.getPositionLength()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Set<String>, TermGroup> distinct = new LinkedHashMap<>();
        tokensByStart.values().forEach(tokens -> {
            Set<String> group = new LinkedHashSet<>();
            for (GraphToken token : tokens) {
                // an emoji (« 👋 ») is no word of the question
                if (!analysis.isStopWord(token.term()) && token.term().chars().anyMatch(Character::isLetterOrDigit)) {
                    group.add(token.term());
                }
            }
            if (!group.isEmpty()) {
                distinct.putIfAbsent(group, new TermGroup(group, paths(tokens, group)));
            }
        });
        return List.copyOf(distinct.values());
    }

    /** A word of the query and the ways of saying it that the synonyms give, each a sequence of terms. */
    record TermGroup(Set<String> terms, List<List<String>> paths) {
    }

    private record GraphToken(String term, int from, int to) {
    }

    /**
     * The ways through the synonym graph from the word's first position to where the word ends: « boamp » alone, or
     * « bulletin officiel des annonces des marchés publics ». A way that goes on with the next word of the text
     * (« site » then « internet ») ends here. Where the graph cannot be walked, each term of the group stands alone, as
     * a plain union of alternatives.
     */
    private static List<List<String>> paths(List<GraphToken> tokens, Set<String> group) {
        int from = tokens.stream().mapToInt(GraphToken::from).min().orElse(0);
        int to = tokens.stream().mapToInt(GraphToken::to).max().orElse(from);
        Map<Integer, List<GraphToken>> leaving = new LinkedHashMap<>();
        tokens.forEach(t -> leaving.computeIfAbsent(t.from(), f -> new ArrayList<>()).add(t));
        List<List<String>> paths = new ArrayList<>();
        walk(from, to, leaving, new ArrayList<>(), paths);
        Set<String> covered = new LinkedHashSet<>();
        paths.forEach(covered::addAll);
        if (paths.isEmpty() || !covered.containsAll(group)) {
            return group.stream().map(List::of).toList();
        }
        return paths;
    }

    private static void walk(int node, int end, Map<Integer, List<GraphToken>> leaving, List<String> path,
                             List<List<String>> paths) {
        // The end of the word, or where the next word of the text goes on (« site » of « site internet »).
        if (node == end || (!path.isEmpty() && !leaving.containsKey(node))) {
            paths.add(List.copyOf(path));
            return;
        }
        // A token spans one position at least (Lucene's position length), so every step moves forward.
        for (GraphToken token : leaving.getOrDefault(node, List.of())) {
            if (paths.size() >= MAX_PATHS) {
                return;
            }
            path.add(token.term());
            walk(token.to(), end, leaving, path, paths);
            path.remove(path.size() - 1);
        }
    }
}
