package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.ticketing.TicketStatisticsReport;

import java.util.Map;

/**
 * The dashboard's figures.
 *
 * @param report            counts per status and service, business-hour times, weekly intake
 * @param overdue           active tickets past a deadline
 * @param unassigned        active tickets nobody has taken
 * @param pendingRequests   subscription requests not decided yet
 * @param quarantined       unreadable inbound messages waiting for staff
 * @param failedDeliveries  outgoing messages given up on
 */
public record Dashboard(TicketStatisticsReport report, long overdue, long unassigned, long pendingRequests,
                        long quarantined, long failedDeliveries) {

    /** NEW, OPEN and PENDING tickets. */
    public long activeTickets() {
        return report.byStatus().entrySet().stream().filter(e -> e.getKey().isActive()).mapToLong(Map.Entry::getValue).sum();
    }

    /** The largest weekly count (at least 1), to scale the chart. */
    public long maxWeek() {
        return Math.max(1, report.incomingPerWeek().stream().mapToLong(TicketStatisticsReport.WeekCount::count).max().orElse(0));
    }
}
