package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Attachment;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.triage.CommuneDirectory;
import fr.sommenumerique.helpdesk.web.triage.FrenchChoices;
import fr.sommenumerique.helpdesk.web.triage.KnowledgeArticles;
import fr.sommenumerique.helpdesk.web.triage.TicketView;
import fr.sommenumerique.helpdesk.web.triage.TicketWorkspace;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/** One ticket: the conversation, the reply and note forms, and every change staff can make. */
@Controller
class TicketPage {

    private final TicketWorkspace workspace;
    private final KnowledgeArticles articles;
    private final StaffAccounts staff;
    private final CommuneDirectory communes;

    TicketPage(TicketWorkspace workspace, KnowledgeArticles articles, StaffAccounts staff, CommuneDirectory communes) {
        this.workspace = workspace;
        this.articles = articles;
        this.staff = staff;
        this.communes = communes;
    }

    /** {@code ?article=id} starts the reply with that knowledge-base article (the page works without JavaScript). */
    @GetMapping("/tickets/{id}")
    String ticket(@PathVariable long id, @RequestParam(required = false) String article, Model model) {
        TicketView view = workspace.view(id);
        model.addAttribute("view", view);
        model.addAttribute("t", view.ticket());
        model.addAttribute("staff", staff.active());
        model.addAttribute("articles", articles.all());
        if (article != null && !article.isBlank() && !model.containsAttribute("draft")) {
            try {
                model.addAttribute("draft", articles.asReply(article));
                model.addAttribute("focusReply", true);
            } catch (NotFoundException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "ticket";
    }

    @PostMapping("/tickets/{id}/reponse")
    String reply(@PathVariable long id, @RequestParam(defaultValue = "") String text,
                 @RequestParam(required = false) String statusAfter, Principal principal, RedirectAttributes redirect) {
        String result = UiActions.run(redirect, "/tickets/" + id, "Réponse envoyée.", () -> {
            TicketStatus after = statusAfter == null || statusAfter.isBlank() ? null : FrenchChoices.parse(TicketStatus.class, statusAfter, "statut");
            workspace.reply(id, principal.getName(), text, after);
        });
        if (redirect.getFlashAttributes().containsKey(UiActions.ERROR)) {
            redirect.addFlashAttribute("draft", text); // nothing typed is lost
        }
        return result + "#repondre";
    }

    @PostMapping("/tickets/{id}/note")
    String note(@PathVariable long id, @RequestParam(defaultValue = "") String text, Principal principal,
                RedirectAttributes redirect) {
        String result = UiActions.run(redirect, "/tickets/" + id, "Note ajoutée.",
                () -> workspace.note(id, principal.getName(), text));
        if (redirect.getFlashAttributes().containsKey(UiActions.ERROR)) {
            redirect.addFlashAttribute("noteDraft", text);
        }
        return result;
    }

    @PostMapping("/tickets/{id}/attribution")
    String assign(@PathVariable long id, @RequestParam(defaultValue = "") String assignee, Principal principal,
                  RedirectAttributes redirect) {
        String who = "me".equals(assignee) ? principal.getName() : assignee;
        return UiActions.run(redirect, "/tickets/" + id,
                who.isBlank() ? "Attribution retirée." : "Ticket attribué à " + who + ".",
                () -> workspace.assign(id, who, principal.getName()));
    }

    @PostMapping("/tickets/{id}/statut")
    String status(@PathVariable long id, @RequestParam TicketStatus status, Principal principal,
                  RedirectAttributes redirect) {
        return UiActions.run(redirect, "/tickets/" + id, "Statut changé : " + status.label() + ".",
                () -> workspace.changeStatus(id, status, principal.getName()));
    }

    @PostMapping("/tickets/{id}/priorite")
    String priority(@PathVariable long id, @RequestParam Priority priority, Principal principal,
                    RedirectAttributes redirect) {
        return UiActions.run(redirect, "/tickets/" + id, "Priorité changée : " + priority.label() + ".",
                () -> workspace.changePriority(id, priority, principal.getName()));
    }

    @PostMapping("/tickets/{id}/service")
    String service(@PathVariable long id, @RequestParam(defaultValue = "") String service, Principal principal,
                   RedirectAttributes redirect) {
        ServiceArea area;
        try {
            area = service.isBlank() ? null : FrenchChoices.parse(ServiceArea.class, service, "service");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage());
            return "redirect:/tickets/" + id;
        }
        return UiActions.run(redirect, "/tickets/" + id,
                "Service changé : " + (area == null ? "non classé" : area.label()) + ".",
                () -> workspace.changeService(id, area, principal.getName()));
    }

    @PostMapping("/tickets/{id}/commune")
    String commune(@PathVariable long id, @RequestParam(defaultValue = "") String commune, Principal principal,
                   RedirectAttributes redirect) {
        return UiActions.run(redirect, "/tickets/" + id, "Commune mise à jour.", () -> {
            String insee = commune.isBlank() ? null : communes.resolve(commune).inseeCode();
            workspace.changeCommune(id, insee, principal.getName());
        });
    }

    /** On success the remaining ticket is shown; on refusal this one, with the reason. */
    @PostMapping("/tickets/{id}/fusion")
    String merge(@PathVariable long id, @RequestParam(defaultValue = "") String into, Principal principal,
                 RedirectAttributes redirect) {
        try {
            Ticket target = workspace.mergeInto(id, into, principal.getName());
            redirect.addFlashAttribute(UiActions.SUCCESS, "Ticket fusionné dans " + target.reference() + ".");
            return "redirect:/tickets/" + target.id();
        } catch (IllegalArgumentException | IllegalStateException | NotFoundException e) {
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage());
            return "redirect:/tickets/" + id;
        }
    }

    @GetMapping("/tickets/{id}/pieces-jointes/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        Attachment attachment = workspace.attachment(id, attachmentId);
        return Downloads.attachment(attachment.info().filename(), attachment.info().contentType(), attachment.data());
    }

    /** The article as reply text, for the page's « insérer » button (plain text). */
    @GetMapping(value = "/connaissances/articles/{articleId}/reponse", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> articleAsReply(@PathVariable String articleId) {
        return ResponseEntity.ok(articles.asReply(articleId));
    }
}
