package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.ticketing.AssistantInteractions;
import fr.sommenumerique.helpdesk.ticketing.UnansweredReport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** Questions the assistant handed over or answered unhelpfully, grouped, so the knowledge base can be improved. */
@Service
public class UnansweredQuestions {

    public static final int MAX_DAYS = 366;

    /** The report and the titles of the articles it names. */
    public record Report(int days, UnansweredReport report, Map<String, String> articleTitles) {

        public String title(String articleId) {
            return articleId == null ? null : articleTitles.getOrDefault(articleId, articleId);
        }
    }

    private final AssistantInteractions interactions;
    private final KnowledgeBase knowledge;
    private final Clock clock;

    public UnansweredQuestions(AssistantInteractions interactions, KnowledgeBase knowledge, ObjectProvider<Clock> clock) {
        this.interactions = interactions;
        this.knowledge = knowledge;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Over the last {@code days} days (1 to 366). */
    public Report lastDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("La période doit compter de 1 à " + MAX_DAYS + " jours.");
        }
        Instant to = clock.instant();
        UnansweredReport report = interactions.unansweredReport(to.minus(Duration.ofDays(days)), to);
        Map<String, String> titles = knowledge.articles().stream()
                .collect(Collectors.toMap(Article::id, Article::title, (a, b) -> a));
        return new Report(days, report, titles);
    }
}
