package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionStatus;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.TicketQuery;
import fr.sommenumerique.helpdesk.ticketing.TicketStatistics;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;

/** Assembles the dashboard from the ticketing statistics and a few counts. */
@Service
public class DashboardFigures {

    public static final int MAX_WEEKS = 104;

    private final TicketStatistics statistics;
    private final Tickets tickets;
    private final Subscriptions subscriptions;
    private final Quarantine quarantine;
    private final Outbox outbox;

    public DashboardFigures(TicketStatistics statistics, Tickets tickets, Subscriptions subscriptions,
                            Quarantine quarantine, Outbox outbox) {
        this.statistics = statistics;
        this.tickets = tickets;
        this.subscriptions = subscriptions;
        this.quarantine = quarantine;
        this.outbox = outbox;
    }

    @Transactional(readOnly = true)
    public Dashboard weeks(int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new IllegalArgumentException("Le nombre de semaines doit être compris entre 1 et " + MAX_WEEKS + ".");
        }
        TicketQuery active = TicketQuery.activeQueue().page(0, 1);
        return new Dashboard(statistics.report(weeks),
                tickets.search(active.overdue()).total(),
                tickets.search(active.unassigned()).total(),
                subscriptions.search(EnumSet.of(SubscriptionStatus.RECEIVED, SubscriptionStatus.IN_REVIEW), 0, 1).total(),
                quarantine.count(QuarantineStatus.QUARANTINED),
                outbox.failed().size());
    }
}
