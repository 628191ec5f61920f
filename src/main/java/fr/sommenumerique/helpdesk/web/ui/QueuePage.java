package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import fr.sommenumerique.helpdesk.ticketing.Page;
import fr.sommenumerique.helpdesk.ticketing.SavedViews;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.TicketSummary;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.render.Formats;
import fr.sommenumerique.helpdesk.web.triage.CommuneDirectory;
import fr.sommenumerique.helpdesk.web.triage.FrenchChoices;
import fr.sommenumerique.helpdesk.web.triage.QueueFilter;
import fr.sommenumerique.helpdesk.web.triage.TicketWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;

/**
 * The ticket queue: filters, search, order and pages, all in the URL so a view can be bookmarked or saved under a
 * name; checkboxes for changes to several tickets at once.
 */
@Controller
class QueuePage {

    private final TicketWorkspace workspace;
    private final StaffAccounts staff;
    private final CommuneDirectory communes;
    private final SavedViews views;

    QueuePage(TicketWorkspace workspace, StaffAccounts staff, CommuneDirectory communes, SavedViews views) {
        this.workspace = workspace;
        this.staff = staff;
        this.communes = communes;
        this.views = views;
    }

    @GetMapping("/tickets")
    String queue(@ModelAttribute("filter") QueueFilter filter, Principal principal, Model model,
                 HttpServletRequest request) {
        try {
            Page<TicketSummary> page = workspace.queue(filter, principal.getName());
            model.addAttribute("page", page);
            model.addAttribute("descending", filter.descending());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("page", workspace.queue(QueueFilter.empty(), principal.getName()));
            model.addAttribute("filter", QueueFilter.empty());
            model.addAttribute("descending", false);
        }
        model.addAttribute("staff", staff.active());
        model.addAttribute("communes", communes.active());
        model.addAttribute("links", PageLinks.of(request));
        model.addAttribute("savedViews", views.of(principal.getName()));
        return "queue";
    }

    /**
     * One change to every ticket ticked, all or nothing: assignee ({@code me}, a username, {@code none}), status,
     * priority, or merging them into the oldest. Back to the same list afterwards.
     */
    @PostMapping("/tickets/lot")
    String bulk(@RequestParam(name = "ids", required = false) List<Long> ids,
                @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String priority, @RequestParam(required = false) String merge,
                @RequestParam(defaultValue = "/tickets") String back, Principal principal, RedirectAttributes redirect) {
        String target = back.startsWith("/tickets") && !back.startsWith("//") ? back : "/tickets";
        List<Long> selected = ids == null ? List.of() : ids;
        try {
            if (merge != null) {
                Ticket kept = workspace.mergeAll(selected, principal.getName());
                redirect.addFlashAttribute(UiActions.SUCCESS, Formats.countOf(selected.size() - 1, "ticket fusionné",
                        "tickets fusionnés") + " dans " + kept.reference() + ".");
                return "redirect:" + target;
            }
            String who = switch (assignee.strip()) {
                case "" -> null;
                case "none" -> "";
                case "me" -> principal.getName();
                default -> assignee.strip();
            };
            TicketStatus newStatus = status.isBlank() ? null : FrenchChoices.parse(TicketStatus.class, status, "statut");
            Priority newPriority = priority.isBlank() ? null : FrenchChoices.parse(Priority.class, priority, "priorité");
            int changed = workspace.bulkUpdate(selected, who, newStatus, newPriority, principal.getName());
            redirect.addFlashAttribute(UiActions.SUCCESS, Formats.countOf(changed, "ticket modifié", "tickets modifiés") + ".");
        } catch (IllegalArgumentException | IllegalStateException | NotFoundException e) {
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage() + " Aucun ticket n'a été modifié.");
        }
        return "redirect:" + target;
    }

    /** Saves the current list (its query string) as a personal view. */
    @PostMapping("/tickets/vues")
    String saveView(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String query,
                    Principal principal, RedirectAttributes redirect) {
        String q = query.startsWith("?") ? query.substring(1) : query;
        return UiActions.run(redirect, "/tickets" + (q.isEmpty() ? "" : "?" + q), "Vue « " + name.strip() + " » enregistrée.",
                () -> views.save(principal.getName(), name, q));
    }

    @PostMapping("/tickets/vues/{id}/suppression")
    String deleteView(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return UiActions.run(redirect, "/tickets", "Vue supprimée.", () -> views.delete(principal.getName(), id));
    }
}
