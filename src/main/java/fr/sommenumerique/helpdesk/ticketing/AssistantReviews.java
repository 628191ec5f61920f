package fr.sommenumerique.helpdesk.ticketing;

import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the assistant decided for each message it handled (as staff see it on the ticket page), and the staff's review
 * of its automatic answers: right or wrong, and if wrong, the right intent or article.
 */
@Service
@Transactional
public class AssistantReviews {

    /** A staff member's verdict on an automatic answer. */
    public enum Verdict {
        RIGHT("Juste"), WRONG("Fausse");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * An automatic answer and its review.
     *
     * @param verdict null while not reviewed
     */
    public record AutomaticAnswer(long interactionId, Instant askedAt, Channel channel, String question,
                                  String topArticleId, Double confidence, Long ticketId, String ticketReference,
                                  String decisionJson, Verdict verdict, String rightIntent, String rightArticle,
                                  String reviewedBy, Instant reviewedAt) {

        public boolean reviewed() {
            return verdict != null;
        }
    }

    /** Reviewed automatic answers and how many were confirmed right. */
    public record ConfirmedShare(long answers, long reviewed, long right) {

        /** Share of the reviewed answers confirmed right, or null when none was reviewed. */
        public Double share() {
            return reviewed == 0 ? null : (double) right / reviewed;
        }
    }

    private static final String SELECT = """
            SELECT i.*, t.reference AS ticket_reference FROM assistant_interactions i
            LEFT JOIN tickets t ON t.id = i.ticket_id""";

    private final JdbcClient jdbc;
    private final TicketingClock clock;

    public AssistantReviews(JdbcClient jdbc, TicketingClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The decision that opened the ticket, as JSON, if the assistant handled its first message. */
    @Transactional(readOnly = true)
    public Optional<String> decisionOfTicket(long ticketId) {
        return jdbc.sql("SELECT decision_json FROM assistant_interactions WHERE ticket_id = ? AND decision_json IS NOT NULL "
                        + "ORDER BY asked_at DESC, id DESC LIMIT 1")
                .params(ticketId).query(String.class).optional();
    }

    /** Automatic answers asked since the given time, those still to review first, then newest first. */
    @Transactional(readOnly = true)
    public List<AutomaticAnswer> recentAnswers(Instant since, int limit) {
        return jdbc.sql(SELECT + " WHERE i.decision_kind = 'ANSWER' AND i.asked_at >= ? "
                        + "ORDER BY CASE WHEN i.review_verdict IS NULL THEN 0 ELSE 1 END, i.asked_at DESC, i.id DESC LIMIT ?")
                .params(Db.ts(since), limit).query(AssistantReviews::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<AutomaticAnswer> answer(long interactionId) {
        return jdbc.sql(SELECT + " WHERE i.id = ? AND i.decision_kind = 'ANSWER'").params(interactionId)
                .query(AssistantReviews::map).optional();
    }

    /** Records the verdict (the latest review counts); the right intent and article only for a wrong answer. */
    public AutomaticAnswer review(long interactionId, Verdict verdict, String rightIntent, String rightArticle,
                                  String reviewedBy) {
        AutomaticAnswer answer = answer(interactionId)
                .orElseThrow(() -> new NotFoundException("Réponse automatique n° " + interactionId + " introuvable"));
        boolean wrong = verdict == Verdict.WRONG;
        jdbc.sql("UPDATE assistant_interactions SET review_verdict = ?, review_intent = ?, review_article = ?, "
                        + "reviewed_by = ?, reviewed_at = ? WHERE id = ?")
                .params(verdict.name(), wrong ? TextKeys.blankToNull(rightIntent) : null,
                        wrong ? TextKeys.truncate(TextKeys.blankToNull(rightArticle), 300) : null,
                        TextKeys.truncate(reviewedBy, 100), Db.ts(clock.now()), answer.interactionId())
                .update();
        return answer(interactionId).orElseThrow();
    }

    /** Automatic answers since the given time, how many were reviewed and how many confirmed right. */
    @Transactional(readOnly = true)
    public ConfirmedShare confirmedShare(Instant since) {
        return jdbc.sql("SELECT COUNT(*) AS answers, COUNT(review_verdict) AS reviewed, "
                        + "SUM(CASE WHEN review_verdict = 'RIGHT' THEN 1 ELSE 0 END) AS right_ones "
                        + "FROM assistant_interactions WHERE decision_kind = 'ANSWER' AND asked_at >= ?")
                .params(Db.ts(since))
                .query((rs, n) -> new ConfirmedShare(rs.getLong("answers"), rs.getLong("reviewed"), rs.getLong("right_ones")))
                .single();
    }

    private static AutomaticAnswer map(ResultSet rs, int rowNum) throws SQLException {
        return new AutomaticAnswer(rs.getLong("id"), Db.instant(rs, "asked_at"), Channel.valueOf(rs.getString("channel")),
                rs.getString("question"), rs.getString("top_article_id"), Db.nullableDouble(rs, "confidence"),
                Db.nullableLong(rs, "ticket_id"), rs.getString("ticket_reference"), rs.getString("decision_json"),
                Db.enumOrNull(Verdict.class, rs.getString("review_verdict")), rs.getString("review_intent"),
                rs.getString("review_article"), rs.getString("reviewed_by"),
                rs.getObject("reviewed_at") == null ? null : Db.instant(rs, "reviewed_at"));
    }
}
