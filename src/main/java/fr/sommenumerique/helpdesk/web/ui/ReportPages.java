package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.web.triage.DashboardFigures;
import fr.sommenumerique.helpdesk.web.triage.UnansweredQuestions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard and the unanswered-questions report. */
@Controller
class ReportPages {

    private final DashboardFigures dashboard;
    private final UnansweredQuestions unanswered;

    ReportPages(DashboardFigures dashboard, UnansweredQuestions unanswered) {
        this.dashboard = dashboard;
        this.unanswered = unanswered;
    }

    @GetMapping("/tableau-de-bord")
    String dashboard(@RequestParam(defaultValue = "12") int semaines, Model model) {
        int weeks = Math.max(1, Math.min(DashboardFigures.MAX_WEEKS, semaines));
        model.addAttribute("weeks", weeks);
        model.addAttribute("d", dashboard.weeks(weeks));
        return "dashboard";
    }

    @GetMapping("/rapports/questions-sans-reponse")
    String unanswered(@RequestParam(defaultValue = "30") int jours, Model model) {
        int days = Math.max(1, Math.min(UnansweredQuestions.MAX_DAYS, jours));
        model.addAttribute("r", unanswered.lastDays(days));
        return "unanswered";
    }
}
