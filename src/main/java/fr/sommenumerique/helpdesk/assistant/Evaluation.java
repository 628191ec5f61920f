package fr.sommenumerique.helpdesk.assistant;

import fr.sommenumerique.helpdesk.assistant.rules.TextNormalizer;

import java.util.List;

/** Runs evaluation cases through the decision engine. */
public final class Evaluation {

    /**
     * What happened to one case.
     *
     * @param missing   required fragments the reply lacks (when the decision is of the expected kind)
     * @param forbidden fragments the reply (whatever its kind) contains although they must not appear
     */
    public record Outcome(EvaluationSet.Case testCase, Decision decision, List<String> missing, List<String> forbidden) {

        public boolean passed() {
            return decision.kind() == testCase.expected() && missing.isEmpty() && forbidden.isEmpty();
        }

        /**
         * The worst outcome: an answer sent where another outcome was expected, or an answer that lacks a required
         * fact or states a forbidden one. The commune acts on it and no agent sees it.
         */
        public boolean confidentWrong() {
            return decision.kind() == DecisionKind.ANSWER && !passed();
        }

        /** One line for the report: pass/fail, expected, got, missing and forbidden fragments, the question. */
        public String line() {
            return (passed() ? "PASS" : confidentWrong() ? "WRONG" : "FAIL")
                    + "\texpected=" + testCase.expected().name().toLowerCase()
                    + "\tgot=" + decision.kind().name().toLowerCase()
                    + (missing.isEmpty() ? "" : "\tmissing=" + String.join(" ; ", missing))
                    + (forbidden.isEmpty() ? "" : "\tforbidden=" + String.join(" ; ", forbidden))
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
        // Required fragments are checked whenever the outcome is the expected one: for an answer its facts, for an
        // out-of-scope reply the body it must name.
        List<String> missing = decision.kind() == testCase.expected()
                ? missingFragments(decision.reply(), testCase.mustContain())
                : List.of();
        List<String> forbidden = presentFragments(decision.reply(), testCase.mustNotContain());
        return new Outcome(testCase, decision, missing, forbidden);
    }

    /** Compared case-, accent- and space-insensitively, as the evaluation format says. */
    static List<String> missingFragments(String reply, List<List<String>> required) {
        String haystack = comparable(reply);
        return required.stream()
                .filter(alternatives -> alternatives.stream().noneMatch(a -> haystack.contains(comparable(a))))
                .map(alternatives -> String.join("|", alternatives))
                .toList();
    }

    static List<String> presentFragments(String reply, List<String> forbidden) {
        String haystack = comparable(reply);
        return forbidden.stream().filter(f -> haystack.contains(comparable(f))).toList();
    }

    private static String comparable(String text) {
        return TextNormalizer.normalize(text).replace(" ", "");
    }
}
