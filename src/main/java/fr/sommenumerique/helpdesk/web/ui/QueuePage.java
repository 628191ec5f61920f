package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.ticketing.Page;
import fr.sommenumerique.helpdesk.ticketing.TicketSummary;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.triage.CommuneDirectory;
import fr.sommenumerique.helpdesk.web.triage.QueueFilter;
import fr.sommenumerique.helpdesk.web.triage.TicketWorkspace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/** The ticket queue: filters, search, order and pages, all in the URL so a view can be bookmarked. */
@Controller
class QueuePage {

    private final TicketWorkspace workspace;
    private final StaffAccounts staff;
    private final CommuneDirectory communes;

    QueuePage(TicketWorkspace workspace, StaffAccounts staff, CommuneDirectory communes) {
        this.workspace = workspace;
        this.staff = staff;
        this.communes = communes;
    }

    @GetMapping("/tickets")
    String queue(@ModelAttribute("filter") QueueFilter filter, Principal principal, Model model,
                 HttpServletRequest request) {
        try {
            Page<TicketSummary> page = workspace.queue(filter, principal.getName());
            model.addAttribute("page", page);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("page", workspace.queue(QueueFilter.empty(), principal.getName()));
        }
        model.addAttribute("staff", staff.active());
        model.addAttribute("communes", communes.active());
        model.addAttribute("links", PageLinks.of(request));
        return "queue";
    }
}
