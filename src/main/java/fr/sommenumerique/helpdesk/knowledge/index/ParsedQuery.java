package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.search.Query;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A query with, for each of its clauses, the articles that match it and how informative it is. */
final class ParsedQuery {

    /**
     * @param label the words of the query this clause stands for
     * @param terms the indexed terms that match it (the words, their synonyms, near spellings)
     * @param docs  the articles that match it
     */
    record Clause(String label, Set<String> terms, BitSet docs) {
    }

    private final Query query;
    private final List<Clause> clauses;
    private final double[] weights;
    private final double totalWeight;

    ParsedQuery(Query query, List<Clause> clauses, int docCount) {
        this.query = query;
        this.clauses = List.copyOf(clauses);
        this.weights = new double[clauses.size()];
        double total = 0;
        for (int i = 0; i < clauses.size(); i++) {
            weights[i] = isUnknownNumber(clauses.get(i)) ? 0 : idf(clauses.get(i).docs().cardinality(), docCount);
            total += weights[i];
        }
        this.totalWeight = total;
    }

    /**
     * A word no article contains still counts, or any article would "cover" an off-topic question by its common
     * words; but it counts like a fairly common word, not a rare one, because most such words are incidental
     * (« collègue », « type », « exactement »). Chosen on the evaluation sets: 1.0 to 2.0 give the same results.
     */
    private static final double UNKNOWN_WORD_WEIGHT = 1.5;
    private static final Pattern NUMBER_OR_TIME = Pattern.compile("\\d+(?:h\\d*)?");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}h\\d*");

    /**
     * A number or a time of day no article contains (« 2 648 habitants », « 03 22 41 07 55 », « appelé à 13h15 ») is
     * the commune's data, not the topic: it weighs nothing, where an unknown word still counts.
     */
    private static boolean isUnknownNumber(Clause clause) {
        return clause.docs().isEmpty() && NUMBER_OR_TIME.matcher(clause.label()).matches();
    }

    /** BM25's idf: the rarer a word among the articles, the more it says about the topic. */
    private static double idf(int docFreq, int docCount) {
        if (docFreq == 0) {
            return UNKNOWN_WORD_WEIGHT;
        }
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    boolean isEmpty() {
        return clauses.isEmpty();
    }

    Query query() {
        return query;
    }

    double coverage(int doc) {
        if (totalWeight == 0) {
            return 0;
        }
        double matched = 0;
        for (int i = 0; i < clauses.size(); i++) {
            if (clauses.get(i).docs().get(doc)) {
                matched += weights[i];
            }
        }
        return matched / totalWeight;
    }

    List<String> matchedTerms(int doc) {
        return clauses.stream().filter(c -> c.docs().get(doc)).map(Clause::label).toList();
    }

    /** Every indexed term that matches some clause: what a passage should highlight. */
    Set<String> allTerms() {
        Set<String> terms = new HashSet<>();
        clauses.forEach(c -> terms.addAll(c.terms()));
        return terms;
    }

    // A time of day no article contains (« décroche à 8h15 ? ») is not one of the words a match is counted against.
    // A plain number still is: « les bans … le 14 juillet » must not be covered by « juillet » and « affichage » alone.
    List<String> unknownTerms() {
        return clauses.stream().filter(c -> c.docs().isEmpty() && !isUnknownTime(c)).map(Clause::label).toList();
    }

    List<String> termLabels() {
        return clauses.stream().filter(c -> !isUnknownTime(c)).map(Clause::label).toList();
    }

    private static boolean isUnknownTime(Clause clause) {
        return clause.docs().isEmpty() && TIME.matcher(clause.label()).matches();
    }
}
