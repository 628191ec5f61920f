package fr.sommenumerique.helpdesk.assistant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A TSV evaluation file: a header line, then {@code question<TAB>expected<TAB>must_contain<TAB>must_not_contain}.
 * must_contain lists required fragments separated by {@code ;}, each with alternatives separated by {@code |};
 * must_not_contain (optional) has the same syntax and lists fragments of which none may appear in the reply.
 */
public record EvaluationSet(List<Case> cases, List<String> errors) {

    /** One question and what the assistant must do with it. */
    public record Case(int line, String question, DecisionKind expected, List<List<String>> mustContain,
                       List<String> mustNotContain) {

        public Case(int line, String question, DecisionKind expected, List<List<String>> mustContain) {
            this(line, question, expected, mustContain, List.of());
        }
    }

    public static EvaluationSet read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 2) {
                errors.add("line " + (i + 1) + ": expected at least 2 tab-separated columns");
                continue;
            }
            DecisionKind expected;
            try {
                expected = DecisionKind.valueOf(columns[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("line " + (i + 1) + ": unknown expected outcome « " + columns[1].strip() + " »");
                continue;
            }
            List<String> forbidden = fragments(columns.length > 3 ? columns[3] : "").stream()
                    .flatMap(List::stream).toList();
            cases.add(new Case(i + 1, columns[0].strip(), expected, fragments(columns.length > 2 ? columns[2] : ""),
                    forbidden));
        }
        return new EvaluationSet(List.copyOf(cases), List.copyOf(errors));
    }

    private static List<List<String>> fragments(String column) {
        if (column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(group -> Arrays.stream(group.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .toList();
    }
}
