package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import fr.sommenumerique.helpdesk.ticketing.QuarantinedItem;
import fr.sommenumerique.helpdesk.web.triage.DeliveryDesk;
import fr.sommenumerique.helpdesk.web.triage.FrenchChoices;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/** The quarantine of unreadable inbound messages and the outgoing messages in failure. */
@Controller
class DeliveryPages {

    private final DeliveryDesk desk;

    DeliveryPages(DeliveryDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/quarantaine")
    String quarantine(@RequestParam(defaultValue = "QUARANTINED") String status, @RequestParam(defaultValue = "0") int page,
                      Model model, HttpServletRequest request) {
        QuarantineStatus filter = "ALL".equalsIgnoreCase(status) ? null : FrenchChoices.parse(QuarantineStatus.class, status, "statut");
        model.addAttribute("page", desk.quarantine(filter, page, 25));
        model.addAttribute("status", filter == null ? "ALL" : filter.name());
        model.addAttribute("quarantineStatuses", QuarantineStatus.values());
        model.addAttribute("links", PageLinks.of(request));
        return "quarantine";
    }

    @GetMapping("/quarantaine/{id}/brut")
    ResponseEntity<byte[]> raw(@PathVariable long id) {
        QuarantinedItem item = desk.item(id);
        String extension = item.channel().name().equals("EMAIL") ? ".eml" : ".json";
        return Downloads.attachment("quarantaine-" + id + extension,
                extension.equals(".eml") ? "message/rfc822" : "text/plain", desk.raw(id));
    }

    @PostMapping("/quarantaine/{id}/relancer")
    String retry(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        // the channel tries it again as soon as the retry is committed: say what happened, not what should
        try {
            desk.retry(id, principal.getName());
            QuarantinedItem after = desk.item(id);
            if (after.status() == QuarantineStatus.QUARANTINED) {
                redirect.addFlashAttribute(UiActions.ERROR, "Message n° " + id + " relancé, mais il a de nouveau échoué : "
                        + after.reason());
            } else {
                redirect.addFlashAttribute(UiActions.SUCCESS, "Message n° " + id + " relancé et traité.");
            }
        } catch (IllegalArgumentException | IllegalStateException | NotFoundException e) {
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage());
        }
        return "redirect:/quarantaine";
    }

    @PostMapping("/quarantaine/{id}/ecarter")
    String discard(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return UiActions.run(redirect, "/quarantaine", "Message n° " + id + " écarté.",
                () -> desk.discard(id, principal.getName()));
    }

    @GetMapping("/envois")
    String failed(Model model) {
        model.addAttribute("failed", desk.failedDeliveries());
        model.addAttribute("backlog", desk.backlog());
        return "deliveries";
    }

    @PostMapping("/envois/{id}/relancer")
    String retryDelivery(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return UiActions.run(redirect, "/envois", "Envoi n° " + id + " relancé.",
                () -> desk.retryDelivery(id, principal.getName()));
    }
}
