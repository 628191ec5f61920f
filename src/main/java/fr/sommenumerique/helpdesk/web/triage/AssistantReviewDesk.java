package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.Intent;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.ticketing.AssistantReviews;
import fr.sommenumerique.helpdesk.ticketing.AssistantReviews.AutomaticAnswer;
import fr.sommenumerique.helpdesk.ticketing.AssistantReviews.Verdict;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The review of automatic answers: staff mark each right or wrong, and for a wrong one the right intent or article.
 * A correction is added to the intent corpus and to {@value #CORRECTIONS_FILE}, files of the knowledge base, so the
 * next load learns from it and the evaluation keeps checking it.
 */
@Service
public class AssistantReviewDesk {

    public static final String CORRECTIONS_FILE = "questions-corrections.tsv";
    public static final int MAX_DAYS = 365;
    private static final int MAX_ITEMS = 200;

    /** An automatic answer with the decision that produced it (null for answers recorded before decisions were). */
    public record Item(AutomaticAnswer answer, Decision decision) {
    }

    private final AssistantReviews reviews;
    private final KnowledgeBase knowledge;
    private final java.time.Clock clock;

    public AssistantReviewDesk(AssistantReviews reviews, KnowledgeBase knowledge,
                               org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock) {
        this.reviews = reviews;
        this.knowledge = knowledge;
        this.clock = clock.getIfUnique(java.time.Clock::systemUTC);
    }

    /** Automatic answers of the last days, those to review first. */
    public List<Item> recent(int days) {
        return reviews.recentAnswers(since(days), MAX_ITEMS).stream()
                .map(a -> new Item(a, AssistantDecisions.parse(a.decisionJson()).orElse(null)))
                .toList();
    }

    public AssistantReviews.ConfirmedShare confirmedShare(int days) {
        return reviews.confirmedShare(since(days));
    }

    /** The intents staff may choose for a wrong answer. */
    public List<Intent> intents() {
        return Arrays.asList(Intent.values());
    }

    /** The articles staff may choose as the right one, by title. */
    public List<Article> articles() {
        return knowledge.articles().stream().sorted(Comparator.comparing(Article::title)).toList();
    }

    /**
     * Records the verdict. A wrong answer with a right intent or article becomes a labelled example of the corpus and
     * a case of the corrections evaluation file.
     */
    public void review(long interactionId, String verdict, String intentCode, String articleId, String username) {
        Verdict v = switch (verdict == null ? "" : verdict.strip()) {
            case "juste" -> Verdict.RIGHT;
            case "fausse" -> Verdict.WRONG;
            default -> throw new IllegalArgumentException("Indiquez si la réponse est juste ou fausse.");
        };
        Intent intent = blank(intentCode) ? null : Intent.fromCode(intentCode)
                .orElseThrow(() -> new IllegalArgumentException("Intention inconnue : « " + intentCode + " »."));
        Article article = blank(articleId) ? null : knowledge.article(articleId.strip())
                .filter(a -> !a.outOfScope())
                .orElseThrow(() -> new IllegalArgumentException("Article inconnu : « " + articleId + " »."));
        if (article != null && intent == null) {
            intent = Intent.QUESTION;
        }
        if (article != null && intent != Intent.QUESTION) {
            throw new IllegalArgumentException("Un article ne se choisit que pour une question.");
        }
        AutomaticAnswer answer = reviews.review(interactionId, v, intent == null ? null : intent.code(),
                article == null ? null : article.id(), username);
        if (v == Verdict.WRONG && intent != null) {
            knowledge.appendIntentExample(intent, answer.question());
            knowledge.appendEvaluationCase(CORRECTIONS_FILE, answer.question(), expected(intent, article),
                    article == null ? "" : article.title());
        }
    }

    /** What the evaluation expects for a message of this intent. */
    static String expected(Intent intent, Article article) {
        if (intent.isRequest()) {
            return "subscription";
        }
        return switch (intent) {
            case QUESTION -> article != null && !article.handover() ? "answer" : "ticket";
            case OUT_OF_SCOPE, GREETING -> "out_of_scope";
            default -> "ticket";
        };
    }

    private Instant since(int days) {
        return clock.instant().minus(Duration.ofDays(Math.max(1, Math.min(MAX_DAYS, days))));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
