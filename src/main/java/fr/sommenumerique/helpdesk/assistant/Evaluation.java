package fr.sommenumerique.helpdesk.assistant;

import fr.sommenumerique.helpdesk.assistant.rules.TextNormalizer;

import java.util.List;

/** Runs evaluation cases through the decision engine. */
public final class Evaluation {

    /** What happened to one case. */
    public record Outcome(EvaluationSet.Case testCase, Decision decision, List<String> missing) {

        public boolean passed() {
            return decision.kind() == testCase.expected() && missing.isEmpty();
        }

        /** One line for the report: pass/fail, expected, got, missing fragments, the question. */
        public String line() {
            return (passed() ? "PASS" : "FAIL") + "\texpected=" + testCase.expected().name().toLowerCase()
                    + "\tgot=" + decision.kind().name().toLowerCase()
                    + (missing.isEmpty() ? "" : "\tmissing=" + String.join(" ; ", missing))
                    + "\t" + testCase.question();
        }
    }

    private final DecisionEngine engine;

    public Evaluation(DecisionEngine engine) {
        this.engine = engine;
    }

    public List<Outcome> run(EvaluationSet set) {
        return set.cases().stream().map(this::run).toList();
    }

    public Outcome run(EvaluationSet.Case testCase) {
        Decision decision = engine.decide(testCase.question());
        List<String> missing = testCase.expected() == DecisionKind.ANSWER
                ? missingFragments(decision.reply(), testCase.mustContain())
                : List.of();
        return new Outcome(testCase, decision, missing);
    }

    /** Compared case-, accent- and space-insensitively, as the evaluation format says. */
    static List<String> missingFragments(String reply, List<List<String>> required) {
        String haystack = comparable(reply);
        return required.stream()
                .filter(alternatives -> alternatives.stream().noneMatch(a -> haystack.contains(comparable(a))))
                .map(alternatives -> String.join("|", alternatives))
                .toList();
    }

    private static String comparable(String text) {
        return TextNormalizer.normalize(text).replace(" ", "");
    }
}
