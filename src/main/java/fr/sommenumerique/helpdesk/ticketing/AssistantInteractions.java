package fr.sommenumerique.helpdesk.ticketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/** The assistant's decisions and the users' feedback on them, for the staff's unanswered-questions report. */
@Service
@Transactional
public class AssistantInteractions {

    public static final String ANSWER = "ANSWER";
    public static final String SUBSCRIPTION = "SUBSCRIPTION";
    public static final String TICKET = "TICKET";
    public static final String OUT_OF_SCOPE = "OUT_OF_SCOPE";

    private static final int SAMPLES = 5;
    private static final String SELECT = """
            SELECT i.*, (SELECT f.helpful FROM assistant_feedback f WHERE f.interaction_id = i.id
                         ORDER BY f.given_at DESC, f.id DESC LIMIT 1) AS latest_helpful
            FROM assistant_interactions i""";

    private record Key(String article, ServiceArea service) {
    }

    private final JdbcClient jdbc;
    private final TicketingClock clock;

    public AssistantInteractions(JdbcClient jdbc, TicketingClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an interaction; returns its id (to attach feedback later). */
    public long record(NewInteraction i) {
        return record(i, null);
    }

    /** Records the interaction with the assistant's decision as JSON (what {@link AssistantReviews} shows), or null. */
    public long record(NewInteraction i, String decisionJson) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO assistant_interactions (asked_at, channel, contact_id, question, decision_kind, top_article_id,
                            service, confidence, ticket_id, decision_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Db.ts(clock.now()), i.channel().name(), i.contactId(), TextKeys.truncate(i.question(), 20000),
                        i.decisionKind().strip().toUpperCase(Locale.ROOT), TextKeys.truncate(TextKeys.blankToNull(i.topArticleId()), 300),
                        Db.name(i.service()), i.confidence(), i.ticketId(), decisionJson)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Was the answer helpful? Several feedbacks may be given; the latest counts. */
    public void recordFeedback(long interactionId, boolean helpful) {
        if (byId(interactionId).isEmpty()) {
            throw new NotFoundException("Échange n° " + interactionId + " introuvable");
        }
        jdbc.sql("INSERT INTO assistant_feedback (interaction_id, helpful, given_at) VALUES (?, ?, ?)")
                .params(interactionId, helpful, Db.ts(clock.now())).update();
    }

    /** Links the interaction to the ticket opened for it. */
    public void attachTicket(long interactionId, long ticketId) {
        int n = jdbc.sql("UPDATE assistant_interactions SET ticket_id = ? WHERE id = ?").params(ticketId, interactionId).update();
        if (n == 0) {
            throw new NotFoundException("Échange n° " + interactionId + " introuvable");
        }
    }

    @Transactional(readOnly = true)
    public Optional<AssistantInteraction> byId(long id) {
        return jdbc.sql(SELECT + " WHERE i.id = ?").params(id).query(AssistantInteractions::map).optional();
    }

    /** The latest interaction attached to a ticket (the question that opened it), if any. */
    @Transactional(readOnly = true)
    public Optional<AssistantInteraction> byTicket(long ticketId) {
        return jdbc.sql(SELECT + " WHERE i.ticket_id = ? ORDER BY i.asked_at DESC, i.id DESC LIMIT 1").params(ticketId)
                .query(AssistantInteractions::map).optional();
    }

    /** Interactions asked in [from, to), newest first. */
    @Transactional(readOnly = true)
    public List<AssistantInteraction> between(Instant from, Instant to) {
        return jdbc.sql(SELECT + " WHERE i.asked_at >= ? AND i.asked_at < ? ORDER BY i.asked_at DESC, i.id DESC")
                .params(Db.ts(from), Db.ts(to)).query(AssistantInteractions::map).list();
    }

    /**
     * Hand-overs (TICKET, OUT_OF_SCOPE) and ANSWERs whose latest feedback is negative, asked in [from, to),
     * grouped by top article and service.
     */
    @Transactional(readOnly = true)
    public UnansweredReport unansweredReport(Instant from, Instant to) {
        List<AssistantInteraction> all = between(from, to);
        Map<Key, List<AssistantInteraction>> groups = new LinkedHashMap<>();
        long unanswered = 0;
        for (AssistantInteraction i : all) {
            boolean handOver = TICKET.equals(i.decisionKind()) || OUT_OF_SCOPE.equals(i.decisionKind());
            boolean unhelpful = ANSWER.equals(i.decisionKind()) && Boolean.FALSE.equals(i.helpful());
            if (handOver || unhelpful) {
                unanswered++;
                groups.computeIfAbsent(new Key(i.topArticleId(), i.service()), k -> new ArrayList<>()).add(i);
            }
        }
        List<UnansweredReport.Group> result = new ArrayList<>();
        groups.forEach((key, items) -> {
            Set<String> samples = new LinkedHashSet<>();
            for (AssistantInteraction i : items) {
                if (samples.size() < SAMPLES && !i.question().isBlank()) {
                    samples.add(TextKeys.truncate(i.question().strip(), 500));
                }
            }
            result.add(new UnansweredReport.Group(key.article(), key.service(), items.size(),
                    items.stream().filter(i -> TICKET.equals(i.decisionKind())).count(),
                    items.stream().filter(i -> OUT_OF_SCOPE.equals(i.decisionKind())).count(),
                    items.stream().filter(i -> ANSWER.equals(i.decisionKind())).count(),
                    List.copyOf(samples)));
        });
        result.sort(Comparator.comparingLong(UnansweredReport.Group::count).reversed()
                .thenComparing(g -> Objects.toString(g.topArticleId(), "~"))
                .thenComparing(g -> g.service() == null ? "~" : g.service().name()));
        return new UnansweredReport(from, to, all.size(), unanswered, result);
    }

    private static AssistantInteraction map(ResultSet rs, int rowNum) throws SQLException {
        return new AssistantInteraction(rs.getLong("id"), Db.instant(rs, "asked_at"), Channel.valueOf(rs.getString("channel")),
                Db.nullableLong(rs, "contact_id"), rs.getString("question"), rs.getString("decision_kind"),
                rs.getString("top_article_id"), Db.enumOrNull(ServiceArea.class, rs.getString("service")),
                Db.nullableDouble(rs, "confidence"), Db.nullableLong(rs, "ticket_id"),
                Db.nullableBoolean(rs, "latest_helpful"));
    }
}
