package fr.sommenumerique.helpdesk.ticketing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/** Dashboard figures over tickets; times are in business hours of the {@link BusinessCalendar}. */
@Service
@Transactional(readOnly = true)
public class TicketStatistics {

    private record Times(Instant created, Instant firstResponse, Instant resolved, boolean answeredAutomatically) {
    }

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final TicketingClock clock;

    public TicketStatistics(JdbcClient jdbc, BusinessCalendar calendar, TicketingClock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * @param weeks number of ISO weeks, the current one included, of the weekly counts and of the period over which
     *              response and resolution times are averaged (at least 1)
     */
    public TicketStatisticsReport report(int weeks) {
        int w = Math.max(1, weeks);
        Instant now = clock.now();
        Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
        for (TicketStatus s : TicketStatus.values()) {
            byStatus.put(s, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) AS n FROM tickets WHERE merged_into_id IS NULL GROUP BY status")
                .query(rs -> {
                    byStatus.put(TicketStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        Map<ServiceArea, Long> byService = new EnumMap<>(ServiceArea.class);
        for (ServiceArea s : ServiceArea.values()) {
            byService.put(s, 0L);
        }
        long[] withoutService = {0};
        jdbc.sql("SELECT service, COUNT(*) AS n FROM tickets WHERE merged_into_id IS NULL GROUP BY service")
                .query(rs -> {
                    String s = rs.getString("service");
                    if (s == null) {
                        withoutService[0] = rs.getLong("n");
                    } else {
                        byService.put(ServiceArea.valueOf(s), rs.getLong("n"));
                    }
                });

        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(w - 1L);
        Instant since = firstMonday.atStartOfDay(calendar.zone()).toInstant();
        List<Times> times = jdbc.sql("""
                        SELECT t.created_at, t.first_response_at, t.resolved_at,
                               EXISTS (SELECT 1 FROM ticket_messages m WHERE m.ticket_id = t.id
                                       AND m.direction = 'OUTBOUND' AND m.automatic = TRUE) AS auto_answered
                        FROM tickets t WHERE t.merged_into_id IS NULL AND t.created_at >= ?""")
                .params(Db.ts(since))
                .query((rs, n) -> new Times(Db.instant(rs, "created_at"), Db.instant(rs, "first_response_at"),
                        Db.instant(rs, "resolved_at"), rs.getBoolean("auto_answered")))
                .list();

        List<Duration> firstResponses = new ArrayList<>();
        List<Duration> resolutions = new ArrayList<>();
        long answeredAutomatically = 0;
        long resolvedAutomatically = 0;
        Map<LocalDate, Long> perWeek = new LinkedHashMap<>();
        for (int i = 0; i < w; i++) {
            perWeek.put(firstMonday.plusWeeks(i), 0L);
        }
        for (Times t : times) {
            if (t.firstResponse() != null) {
                firstResponses.add(calendar.businessTimeBetween(t.created(), t.firstResponse()));
            }
            // the assistant's answers are counted apart: their « 0 min » would hide how fast the team is
            if (t.answeredAutomatically() && t.firstResponse() == null) {
                answeredAutomatically++;
                if (t.resolved() != null) {
                    resolvedAutomatically++;
                }
            } else if (t.resolved() != null) {
                resolutions.add(calendar.businessTimeBetween(t.created(), t.resolved()));
            }
            LocalDate monday = LocalDate.ofInstant(t.created(), calendar.zone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            perWeek.computeIfPresent(monday, (k, v) -> v + 1);
        }
        List<TicketStatisticsReport.WeekCount> weekCounts = perWeek.entrySet().stream()
                .map(e -> new TicketStatisticsReport.WeekCount(e.getKey().get(IsoFields.WEEK_BASED_YEAR),
                        e.getKey().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), e.getKey(), e.getValue()))
                .toList();
        return new TicketStatisticsReport(now, byStatus, byService, withoutService[0], since, stats(firstResponses),
                stats(resolutions), weekCounts, answeredAutomatically, resolvedAutomatically);
    }

    static TicketStatisticsReport.DurationStats stats(List<Duration> values) {
        if (values.isEmpty()) {
            return new TicketStatisticsReport.DurationStats(0, Duration.ZERO, Duration.ZERO);
        }
        List<Duration> sorted = values.stream().sorted().toList();
        Duration sum = sorted.stream().reduce(Duration.ZERO, Duration::plus);
        int n = sorted.size();
        Duration median = n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        return new TicketStatisticsReport.DurationStats(n, sum.dividedBy(n), median);
    }
}
