package fr.sommenumerique.helpdesk;

import ch.qos.logback.classic.Level;
import fr.sommenumerique.helpdesk.assistant.AssistantSettings;
import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.assistant.DecisionEngine;
import fr.sommenumerique.helpdesk.assistant.Evaluation;
import fr.sommenumerique.helpdesk.assistant.EvaluationReport;
import fr.sommenumerique.helpdesk.assistant.EvaluationSet;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The staff's command-line tools, which run the decision engine alone: no web server, no database, no channel.
 * {@code eval FILE.tsv} checks the assistant against an evaluation file; {@code ask "question"} prints a decision.
 */
final class HelpdeskCommandLine {

    static final String KNOWLEDGE_FOLDER_PROPERTY = "helpdesk.knowledge.folder";
    private static final int CROSS_VALIDATION_FOLDS = 5;

    private final PrintStream out;
    private final PrintStream err;

    HelpdeskCommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("eval") || args[0].equals("ask"));
    }

    /** Returns the process exit code. */
    int run(String[] args) {
        quietLogging();
        if (args.length != 2) {
            err.println("Usage : java -jar helpdesk.jar eval FICHIER.tsv | java -jar helpdesk.jar ask \"question\"");
            return 2;
        }
        DecisionEngine engine;
        KnowledgeBase knowledgeBase;
        try {
            knowledgeBase = KnowledgeBase.load(knowledgeFolder());
            engine = new DecisionEngine(knowledgeBase, settings());
        } catch (RuntimeException e) {
            err.println("Erreur : base de connaissances illisible : " + e.getMessage());
            return 2;
        }
        return args[0].equals("eval") ? evaluate(engine, knowledgeBase, Path.of(args[1])) : ask(engine, args[1]);
    }

    private int evaluate(DecisionEngine engine, KnowledgeBase knowledgeBase, Path file) {
        EvaluationSet set;
        try {
            if (!Files.isRegularFile(file)) {
                err.println("Erreur : fichier d'évaluation introuvable : " + file.toAbsolutePath());
                return 2;
            }
            set = EvaluationSet.read(file);
        } catch (IOException | RuntimeException e) {
            err.println("Erreur : fichier d'évaluation illisible : " + file.toAbsolutePath() + " (" + e.getMessage() + ")");
            return 2;
        }
        set.errors().forEach(error -> out.println("FAIL\t" + error));
        List<Evaluation.Outcome> outcomes = new Evaluation(engine).run(set);
        outcomes.forEach(outcome -> out.println(outcome.line()));
        EvaluationReport report = new EvaluationReport(outcomes);
        long failed = outcomes.size() - report.passed() + set.errors().size();
        out.println(report.passed() + " passed, " + failed + " failed, " + report.confidentWrong()
                + " confident wrong answers");
        report.table().forEach(out::println);
        crossValidation(engine, knowledgeBase);
        return 0;
    }

    /** How well the intent classifier generalises on its own corpus, with the chosen algorithm and the alternative. */
    private void crossValidation(DecisionEngine engine, KnowledgeBase knowledgeBase) {
        if (knowledgeBase.intentExamples().size() < CROSS_VALIDATION_FOLDS) {
            return;
        }
        out.println("Intent classifier, " + CROSS_VALIDATION_FOLDS + "-fold cross-validation on the corpus of "
                + "knowledge-base/intentions/ (maxent is the one used):");
        engine.crossValidation(CROSS_VALIDATION_FOLDS).forEach(out::println);
    }

    private int ask(DecisionEngine engine, String question) {
        Decision decision = engine.decide(question);
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(decision));
        return 0;
    }

    /** The same keys as the application's configuration, given as system properties ({@code -Dkey=value}). */
    private static AssistantSettings settings() {
        return new AssistantSettings(doubleProperty("helpdesk.assistant.min-coverage"),
                doubleProperty("helpdesk.assistant.min-matched-share"),
                doubleProperty("helpdesk.assistant.second-article-ratio"),
                doubleProperty("helpdesk.assistant.review-below"),
                Path.of(System.getProperty("helpdesk.assistant.model-cache", "data/intent-models")));
    }

    private static Double doubleProperty(String key) {
        String value = System.getProperty(key);
        return value == null ? null : Double.valueOf(value);
    }

    private static Path knowledgeFolder() {
        String configured = System.getProperty(KNOWLEDGE_FOLDER_PROPERTY, System.getenv("HELPDESK_KNOWLEDGE_FOLDER"));
        return Path.of(configured == null || configured.isBlank() ? "knowledge-base" : configured);
    }

    // The tools print results on stdout; the knowledge base's INFO lines would only get in the way.
    private static void quietLogging() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.WARN);
        }
    }
}
