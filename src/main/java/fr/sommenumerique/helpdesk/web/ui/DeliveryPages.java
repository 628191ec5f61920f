package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
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
        return UiActions.run(redirect, "/quarantaine", "Message n° " + id + " relancé : il va être traité de nouveau.",
                () -> desk.retry(id, principal.getName()));
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
