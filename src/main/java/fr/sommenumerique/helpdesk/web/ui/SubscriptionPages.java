package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.ticketing.SubscriptionStatus;
import fr.sommenumerique.helpdesk.web.triage.CommuneDirectory;
import fr.sommenumerique.helpdesk.web.triage.SubscriptionDesk;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/** The subscription-request queue and one request: review, accept or reject with a message to the commune. */
@Controller
class SubscriptionPages {

    private final SubscriptionDesk desk;
    private final CommuneDirectory communes;

    SubscriptionPages(SubscriptionDesk desk, CommuneDirectory communes) {
        this.desk = desk;
        this.communes = communes;
    }

    @GetMapping("/demandes")
    String queue(@RequestParam(defaultValue = "pending") String status, @RequestParam(defaultValue = "0") int page,
                 Model model, HttpServletRequest request) {
        try {
            model.addAttribute("page", desk.queue(status, page, 25));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("page", desk.queue("pending", 0, 25));
        }
        model.addAttribute("status", status);
        model.addAttribute("subscriptionStatuses", SubscriptionStatus.values());
        model.addAttribute("links", PageLinks.of(request));
        return "subscriptions";
    }

    @GetMapping("/demandes/{id}")
    String request(@PathVariable long id, Model model) {
        model.addAttribute("view", desk.view(id));
        return "subscription";
    }

    @PostMapping("/demandes/{id}/examen")
    String review(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return UiActions.run(redirect, "/demandes/" + id, "Demande passée en cours d'examen.",
                () -> desk.markInReview(id, principal.getName()));
    }

    @PostMapping("/demandes/{id}/accepter")
    String accept(@PathVariable long id, @RequestParam(defaultValue = "") String message, Principal principal,
                  RedirectAttributes redirect) {
        return keepDraft(redirect, message, UiActions.run(redirect, "/demandes/" + id,
                "Demande acceptée : la commune en est informée.", () -> desk.accept(id, message, principal.getName())));
    }

    @PostMapping("/demandes/{id}/refuser")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String message, Principal principal,
                  RedirectAttributes redirect) {
        return keepDraft(redirect, message, UiActions.run(redirect, "/demandes/" + id,
                "Demande refusée : la commune en est informée.", () -> desk.reject(id, message, principal.getName())));
    }

    @PostMapping("/demandes/{id}/note")
    String note(@PathVariable long id, @RequestParam(defaultValue = "") String note, Principal principal,
                RedirectAttributes redirect) {
        return UiActions.run(redirect, "/demandes/" + id, "Note ajoutée.", () -> desk.addNote(id, note, principal.getName()));
    }

    @PostMapping("/demandes/{id}/commune")
    String commune(@PathVariable long id, @RequestParam(defaultValue = "") String commune, Principal principal,
                   RedirectAttributes redirect) {
        return UiActions.run(redirect, "/demandes/" + id, "Commune mise à jour.", () -> desk.changeCommune(id,
                commune.isBlank() ? null : communes.resolve(commune).inseeCode(), principal.getName()));
    }

    private static String keepDraft(RedirectAttributes redirect, String message, String result) {
        if (redirect.getFlashAttributes().containsKey(UiActions.ERROR)) {
            redirect.addFlashAttribute("draft", message);
        }
        return result;
    }
}
