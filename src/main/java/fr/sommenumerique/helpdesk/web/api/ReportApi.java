package fr.sommenumerique.helpdesk.web.api;

import fr.sommenumerique.helpdesk.ticketing.TicketStatisticsReport;
import fr.sommenumerique.helpdesk.ticketing.UnansweredReport;
import fr.sommenumerique.helpdesk.web.triage.Dashboard;
import fr.sommenumerique.helpdesk.web.triage.DashboardFigures;
import fr.sommenumerique.helpdesk.web.triage.UnansweredQuestions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "Rapports", description = "Tableau de bord et questions restées sans réponse")
class ReportApi {

    /** Business-hour durations in hours (decimal), with the number of tickets measured. */
    record TimesJson(long count, double averageHours, double medianHours) {

        static TimesJson of(TicketStatisticsReport.DurationStats s) {
            return new TimesJson(s.count(), s.averageHours(), s.medianHours());
        }
    }

    record WeekJson(String week, LocalDate monday, long count) {
    }

    record DashboardJson(Instant generatedAt, Instant since, Map<?, Long> byStatus, Map<?, Long> byService,
                         long withoutService, TimesJson firstResponseBusinessHours, TimesJson resolutionBusinessHours,
                         List<WeekJson> incomingPerWeek, long overdue, long unassigned, long pendingSubscriptionRequests,
                         long quarantined, long failedDeliveries) {

        static DashboardJson of(Dashboard d) {
            TicketStatisticsReport r = d.report();
            return new DashboardJson(r.generatedAt(), r.since(), r.byStatus(), r.byService(), r.withoutService(),
                    TimesJson.of(r.firstResponse()), TimesJson.of(r.resolution()),
                    r.incomingPerWeek().stream().map(w -> new WeekJson(w.label(), w.monday(), w.count())).toList(),
                    d.overdue(), d.unassigned(), d.pendingRequests(), d.quarantined(), d.failedDeliveries());
        }
    }

    private final DashboardFigures dashboard;
    private final UnansweredQuestions unanswered;

    ReportApi(DashboardFigures dashboard, UnansweredQuestions unanswered) {
        this.dashboard = dashboard;
        this.unanswered = unanswered;
    }

    @GetMapping("/dashboard")
    @Operation(summary = "Compteurs par statut et service, délais en heures ouvrées, volume entrant par semaine")
    DashboardJson dashboard(@RequestParam(defaultValue = "12") int weeks) {
        return DashboardJson.of(dashboard.weeks(weeks));
    }

    @GetMapping("/unanswered")
    @Operation(summary = "Transferts à un agent et réponses « pas résolu », regroupés par article et service")
    UnansweredReport unanswered(@RequestParam(defaultValue = "30") int days) {
        return unanswered.lastDays(days).report();
    }
}
