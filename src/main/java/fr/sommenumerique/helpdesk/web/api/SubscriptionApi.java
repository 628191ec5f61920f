package fr.sommenumerique.helpdesk.web.api;

import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.web.api.ApiViews.PageJson;
import fr.sommenumerique.helpdesk.web.triage.CommuneDirectory;
import fr.sommenumerique.helpdesk.web.triage.SubscriptionDesk;
import fr.sommenumerique.helpdesk.web.triage.SubscriptionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "Demandes d'abonnement", description = "Adhésions, ajouts de service, comptes, formations")
class SubscriptionApi {

    private final SubscriptionDesk desk;
    private final CommuneDirectory communes;

    SubscriptionApi(SubscriptionDesk desk, CommuneDirectory communes) {
        this.desk = desk;
        this.communes = communes;
    }

    @GetMapping
    @Operation(summary = "File des demandes, les plus récentes d'abord")
    PageJson<SubscriptionRequest> queue(
            @Parameter(description = "pending (défaut : RECEIVED, IN_REVIEW), all, ou statuts séparés par des virgules")
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
        return PageJson.of(desk.queue(status, page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une demande avec le contact, la commune, l'éligibilité et l'historique")
    SubscriptionView request(@PathVariable long id) {
        return desk.view(id);
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "Passer en cours d'examen")
    SubscriptionRequest review(@PathVariable long id, Principal principal) {
        return desk.markInReview(id, principal.getName());
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accepter ; la commune reçoit le message par son canal")
    SubscriptionRequest accept(@PathVariable long id, @Valid @RequestBody ApiRequests.Decision body, Principal principal) {
        return desk.accept(id, body.message(), principal.getName());
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Refuser avec un message motivé pour la commune")
    SubscriptionRequest reject(@PathVariable long id, @Valid @RequestBody ApiRequests.Decision body, Principal principal) {
        return desk.reject(id, body.message(), principal.getName());
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Ajouter une note interne datée")
    SubscriptionRequest note(@PathVariable long id, @Valid @RequestBody ApiRequests.StaffNote body, Principal principal) {
        return desk.addNote(id, body.note(), principal.getName());
    }

    @PutMapping("/{id}/commune")
    @Operation(summary = "Changer la commune (l'éligibilité est recalculée)")
    SubscriptionRequest commune(@PathVariable long id, @RequestBody ApiRequests.CommuneChange body, Principal principal) {
        String insee = body.commune() == null || body.commune().isBlank() ? null : communes.resolve(body.commune()).inseeCode();
        return desk.changeCommune(id, insee, principal.getName());
    }
}
