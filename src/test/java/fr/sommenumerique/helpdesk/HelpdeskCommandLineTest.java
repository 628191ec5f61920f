package fr.sommenumerique.helpdesk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff's {@code eval} and {@code ask} commands, run as {@code main} runs them. */
class HelpdeskCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void eval_prints_one_line_per_question_the_totals_and_the_tables_and_exits_0_even_with_failures() throws IOException {
        Path file = dir.resolve("questions.tsv");
        Files.writeString(file, String.join("\n",
                "question\texpected\tmust_contain\tmust_not_contain",
                "Combien de temps le préfet a-t-il pour déférer une délibération ?\tanswer\t2 mois|deux mois",
                "Combien de temps le préfet a-t-il pour déférer une délibération ?\tanswer\tun fragment absent",
                "ma box internet ne marche plus à la maison\tout_of_scope\t",
                "Nous souhaitons adhérer à Mairie connectée\tticket\t",
                "question mal formée\tpeut-être\t",
                "Combien de temps le préfet a-t-il pour déférer une délibération ?\tanswer\tmois\tsix mois|2 mois") + "\n",
                StandardCharsets.UTF_8);

        int code = run("eval", file.toString());

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(code).isZero();
        assertThat(lines.get(0)).startsWith("FAIL").contains("line 6").contains("peut-être");
        assertThat(lines.get(1)).startsWith("PASS\texpected=answer\tgot=answer");
        assertThat(lines.get(2)).startsWith("WRONG\texpected=answer\tgot=answer").contains("missing=un fragment absent");
        assertThat(lines.get(3)).startsWith("PASS\texpected=out_of_scope\tgot=out_of_scope");
        assertThat(lines.get(4)).startsWith("FAIL\texpected=ticket\tgot=subscription");
        assertThat(lines.get(5)).startsWith("WRONG\texpected=answer\tgot=answer").contains("forbidden=2 mois")
                .doesNotContain("missing");
        assertThat(lines.get(6)).isEqualTo("2 passed, 4 failed, 2 confident wrong answers");
        assertThat(lines.subList(7, 17)).containsExactly(
                "outcome\tprecision\trecall\tsupport",
                "answer\t100 %\t100 %\t3",
                "subscription\t0 %\t-\t0",
                "ticket\t-\t0 %\t1",
                "out_of_scope\t100 %\t100 %\t1",
                "expected \\ decided\tanswer\tsubscription\tticket\tout_of_scope",
                "answer\t3\t0\t0\t0",
                "subscription\t0\t0\t0\t0",
                "ticket\t0\t1\t0\t0",
                "out_of_scope\t0\t0\t0\t1");
        assertThat(lines.get(17)).startsWith("Intent classifier, 5-fold cross-validation");
        assertThat(lines).anyMatch(l -> l.startsWith("MAXENT, 5-fold over")).anyMatch(l -> l.startsWith("NAIVE_BAYES, 5-fold"));
    }

    @Test
    void eval_of_a_missing_file_says_so_and_exits_2() {
        int code = run("eval", dir.resolve("absent.tsv").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("introuvable").contains("absent.tsv");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void eval_of_a_file_that_is_not_utf8_says_it_is_unreadable_and_exits_2() throws IOException {
        Path file = dir.resolve("latin1.tsv");
        Files.write(file, "question\texpected\nD\u00e9lai du pr\u00e9fet ?\tanswer\n".getBytes(StandardCharsets.ISO_8859_1));

        int code = run("eval", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("illisible").contains("latin1.tsv");
    }

    @Test
    void ask_prints_the_decision_as_json() {
        int code = run("ask", "Quel certificat faut-il pour télétransmettre sur Actes ?");

        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(json.get("kind").asString()).isEqualTo("ANSWER");
        assertThat(json.get("reply").asString()).contains("RGS");
        assertThat(json.get("articles").get(0).get("id").asString()).isEqualTo("actes-certificat-rgs");
        assertThat(json.get("articles").get(0).get("score").asDouble()).isPositive();
    }

    @Test
    void wrong_usage_exits_2() {
        assertThat(run("ask")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage");
    }

    private int run(String... args) {
        return new HelpdeskCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }
}
