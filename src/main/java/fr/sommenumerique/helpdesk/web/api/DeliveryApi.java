package fr.sommenumerique.helpdesk.web.api;

import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
import fr.sommenumerique.helpdesk.ticketing.QuarantinedItem;
import fr.sommenumerique.helpdesk.web.api.ApiViews.DeliveryJson;
import fr.sommenumerique.helpdesk.web.api.ApiViews.PageJson;
import fr.sommenumerique.helpdesk.web.triage.DeliveryDesk;
import fr.sommenumerique.helpdesk.web.triage.FrenchChoices;
import fr.sommenumerique.helpdesk.web.ui.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

@RestController
@Tag(name = "Quarantaine et envois", description = "Messages entrants illisibles, messages sortants en échec")
class DeliveryApi {

    private final DeliveryDesk desk;

    DeliveryApi(DeliveryDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/quarantine")
    @Operation(summary = "Messages en quarantaine, les plus récents d'abord")
    PageJson<QuarantinedItem> quarantine(
            @Parameter(description = "QUARANTINED (défaut), RETRIED, DISCARDED ou ALL") @RequestParam(defaultValue = "QUARANTINED") String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
        QuarantineStatus filter = "ALL".equalsIgnoreCase(status) ? null
                : FrenchChoices.parse(QuarantineStatus.class, status, "statut");
        return PageJson.of(desk.quarantine(filter, page, size));
    }

    @GetMapping("/api/quarantine/{id}/raw")
    @Operation(summary = "Le message brut tel que reçu")
    ResponseEntity<byte[]> raw(@PathVariable long id) {
        QuarantinedItem item = desk.item(id);
        return Downloads.attachment("quarantaine-" + id + (item.channel().name().equals("EMAIL") ? ".eml" : ".txt"),
                "application/octet-stream", desk.raw(id));
    }

    @PostMapping("/api/quarantine/{id}/retry")
    @Operation(summary = "Relancer le traitement du message (par le canal d'origine)")
    QuarantinedItem retry(@PathVariable long id, Principal principal) {
        return desk.retry(id, principal.getName());
    }

    @PostMapping("/api/quarantine/{id}/discard")
    @Operation(summary = "Écarter le message (conservé pour mémoire)")
    QuarantinedItem discard(@PathVariable long id, Principal principal) {
        return desk.discard(id, principal.getName());
    }

    @GetMapping("/api/outbox/failed")
    @Operation(summary = "Messages sortants abandonnés après échecs")
    List<DeliveryJson> failed() {
        return desk.failedDeliveries().stream().map(DeliveryJson::of).toList();
    }

    @PostMapping("/api/outbox/{id}/retry")
    @Operation(summary = "Renvoyer un message sortant dès que possible")
    DeliveryJson retryDelivery(@PathVariable long id, Principal principal) {
        return DeliveryJson.of(desk.retryDelivery(id, principal.getName()));
    }
}
