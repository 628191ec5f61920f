package fr.sommenumerique.helpdesk.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figures over evaluation outcomes: passes, confident wrong answers, precision and recall per expected outcome, and
 * the confusion matrix (rows: expected, columns: decided).
 */
public record EvaluationReport(List<Evaluation.Outcome> outcomes) {

    public EvaluationReport {
        outcomes = List.copyOf(outcomes);
    }

    public long passed() {
        return outcomes.stream().filter(Evaluation.Outcome::passed).count();
    }

    public long confidentWrong() {
        return outcomes.stream().filter(Evaluation.Outcome::confidentWrong).count();
    }

    /** How many cases expected {@code expected} and were decided {@code decided}. */
    public long count(DecisionKind expected, DecisionKind decided) {
        return outcomes.stream()
                .filter(o -> o.testCase().expected() == expected && o.decision().kind() == decided)
                .count();
    }

    /** Of the messages decided {@code kind}, the share that expected it; NaN when none was. */
    public double precision(DecisionKind kind) {
        long decided = outcomes.stream().filter(o -> o.decision().kind() == kind).count();
        return decided == 0 ? Double.NaN : (double) count(kind, kind) / decided;
    }

    /** Of the messages that expected {@code kind}, the share decided so; NaN when none did. */
    public double recall(DecisionKind kind) {
        long expected = outcomes.stream().filter(o -> o.testCase().expected() == kind).count();
        return expected == 0 ? Double.NaN : (double) count(kind, kind) / expected;
    }

    /** Precision and recall per outcome, then the confusion matrix: printed after the totals. */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("outcome\tprecision\trecall\tsupport");
        for (DecisionKind kind : DecisionKind.values()) {
            long support = outcomes.stream().filter(o -> o.testCase().expected() == kind).count();
            lines.add(label(kind) + "\t" + percent(precision(kind)) + "\t" + percent(recall(kind)) + "\t" + support);
        }
        StringBuilder header = new StringBuilder("expected \\ decided");
        for (DecisionKind decided : DecisionKind.values()) {
            header.append('\t').append(label(decided));
        }
        lines.add(header.toString());
        for (DecisionKind expected : DecisionKind.values()) {
            StringBuilder row = new StringBuilder(label(expected));
            for (DecisionKind decided : DecisionKind.values()) {
                row.append('\t').append(count(expected, decided));
            }
            lines.add(row.toString());
        }
        return lines;
    }

    private static String label(DecisionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "-" : Math.round(value * 100) + " %";
    }
}
