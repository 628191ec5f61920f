package fr.sommenumerique.helpdesk.ticketing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/**
 * Figures for the staff dashboard. Merged tickets are left out everywhere.
 *
 * @param byStatus          current number of tickets per status (every status present, possibly 0)
 * @param byService         current number of tickets per service area (every area present, possibly 0)
 * @param withoutService    tickets not yet classified
 * @param since             start of the period of the time figures and of the weekly counts (Monday 0:00)
 * @param firstResponse     business time from creation to the first reply written by staff (automatic answers do not
 *                          count), tickets created since {@code since}
 * @param resolution        business time from creation to resolution of the tickets the team handled (those only
 *                          the assistant answered are counted apart), created since {@code since}
 * @param incomingPerWeek   tickets created per ISO week, oldest first, weeks without tickets included
 * @param answeredAutomatically tickets created since {@code since} that the assistant answered and no one from staff
 * @param resolvedAutomatically of those, the ones resolved without staff
 */
public record TicketStatisticsReport(Instant generatedAt, Map<TicketStatus, Long> byStatus,
                                     Map<ServiceArea, Long> byService, long withoutService, Instant since,
                                     DurationStats firstResponse, DurationStats resolution,
                                     List<WeekCount> incomingPerWeek, long answeredAutomatically,
                                     long resolvedAutomatically) {

    /** Average and median of business durations; zero durations when {@code count} is 0. */
    public record DurationStats(long count, Duration average, Duration median) {

        public double averageHours() {
            return average.toSeconds() / 3600.0;
        }

        public double medianHours() {
            return median.toSeconds() / 3600.0;
        }
    }

    /** @param monday first day of the ISO week */
    public record WeekCount(int isoYear, int isoWeek, LocalDate monday, long count) {

        /** « 2026-W14 ». */
        public String label() {
            return "%d-W%02d".formatted(isoYear, isoWeek);
        }
    }
}
