package fr.sommenumerique.helpdesk.web.api;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Attachment;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketSummary;
import fr.sommenumerique.helpdesk.web.api.ApiViews.MessageJson;
import fr.sommenumerique.helpdesk.web.api.ApiViews.PageJson;
import fr.sommenumerique.helpdesk.web.api.ApiViews.TicketDetailJson;
import fr.sommenumerique.helpdesk.web.triage.CommuneDirectory;
import fr.sommenumerique.helpdesk.web.triage.QueueFilter;
import fr.sommenumerique.helpdesk.web.triage.TicketWorkspace;
import fr.sommenumerique.helpdesk.web.ui.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets", description = "File des tickets, conversation, réponses, notes et changements")
class TicketApi {

    private final TicketWorkspace workspace;
    private final CommuneDirectory communes;

    TicketApi(TicketWorkspace workspace, CommuneDirectory communes) {
        this.workspace = workspace;
        this.communes = communes;
    }

    @GetMapping
    @Operation(summary = "File des tickets : filtres, recherche, tri et pages")
    PageJson<TicketSummary> queue(
            @Parameter(description = "active (défaut : NEW, OPEN, PENDING), all, ou statuts séparés par des virgules")
            @RequestParam(required = false) String status,
            @Parameter(description = "Code du service : actes, marches, partage, formation, offre, contact, reglementation")
            @RequestParam(required = false) String service,
            @Parameter(description = "LOW, NORMAL, HIGH, URGENT") @RequestParam(required = false) String priority,
            @Parameter(description = "Code INSEE") @RequestParam(required = false) String commune,
            @Parameter(description = "EMAIL, TELEGRAM, WEB") @RequestParam(required = false) String channel,
            @Parameter(description = "Identifiant, « me » ou « none » (non attribués)") @RequestParam(required = false) String assignee,
            @Parameter(description = "true : seulement les tickets en retard (SLA dépassé)") @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "Mots cherchés dans l'objet, les messages et l'adresse du demandeur, ou une référence")
            @RequestParam(required = false) String q,
            @Parameter(description = "due (défaut), updated, created, priority") @RequestParam(required = false) String sort,
            @Parameter(description = "asc ou desc") @RequestParam(required = false) String direction,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size,
            Principal principal) {
        QueueFilter filter = new QueueFilter(status, service, priority, commune, channel, assignee, overdue, q, sort,
                direction, page, size);
        return PageJson.of(workspace.queue(filter, principal.getName()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Un ticket avec toute sa conversation (HTML des e-mails nettoyé) et ses envois")
    TicketDetailJson ticket(@PathVariable long id) {
        return TicketDetailJson.of(workspace.view(id));
    }

    @GetMapping("/reference/{reference}")
    @Operation(summary = "Un ticket par sa référence (MC-2026-00012)")
    TicketDetailJson byReference(@PathVariable String reference) {
        return TicketDetailJson.of(workspace.view(workspace.ticket(reference).id()));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Télécharger une pièce jointe")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        Attachment a = workspace.attachment(id, attachmentId);
        return Downloads.attachment(a.info().filename(), a.info().contentType(), a.data());
    }

    @PostMapping("/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Répondre au demandeur (envoyé par le canal du ticket)")
    MessageJson reply(@PathVariable long id, @Valid @RequestBody ApiRequests.Reply body, Principal principal) {
        return MessageJson.of(workspace.reply(id, principal.getName(), body.text(), body.statusAfter()));
    }

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter une note interne (jamais envoyée)")
    MessageJson note(@PathVariable long id, @Valid @RequestBody ApiRequests.Note body, Principal principal) {
        return MessageJson.of(workspace.note(id, principal.getName(), body.text()));
    }

    @PutMapping("/{id}/assignee")
    @Operation(summary = "Attribuer à un membre de l'équipe (null : retirer l'attribution)")
    Ticket assign(@PathVariable long id, @RequestBody ApiRequests.Assignment body, Principal principal) {
        String who = "me".equals(body.assignee()) ? principal.getName() : body.assignee();
        return workspace.assign(id, who, principal.getName());
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Changer le statut")
    Ticket status(@PathVariable long id, @Valid @RequestBody ApiRequests.StatusChange body, Principal principal) {
        return workspace.changeStatus(id, body.status(), principal.getName());
    }

    @PutMapping("/{id}/priority")
    @Operation(summary = "Changer la priorité (les échéances SLA sont recalculées)")
    Ticket priority(@PathVariable long id, @Valid @RequestBody ApiRequests.PriorityChange body, Principal principal) {
        return workspace.changePriority(id, body.priority(), principal.getName());
    }

    @PutMapping("/{id}/service")
    @Operation(summary = "Changer le service (null : non classé)")
    Ticket service(@PathVariable long id, @RequestBody ApiRequests.ServiceChange body, Principal principal) {
        ServiceArea area = body.service() == null || body.service().isBlank() ? null
                : ServiceArea.fromCode(body.service()).orElseThrow(() ->
                new IllegalArgumentException("Service inconnu : « " + body.service() + " »"));
        return workspace.changeService(id, area, principal.getName());
    }

    @PutMapping("/{id}/commune")
    @Operation(summary = "Changer la commune (code INSEE ou nom ; null : inconnue)")
    Ticket commune(@PathVariable long id, @RequestBody ApiRequests.CommuneChange body, Principal principal) {
        String insee = body.commune() == null || body.commune().isBlank() ? null : communes.resolve(body.commune()).inseeCode();
        return workspace.changeCommune(id, insee, principal.getName());
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Fusionner ce ticket dans un autre ; renvoie le ticket qui reste")
    Ticket merge(@PathVariable long id, @Valid @RequestBody ApiRequests.Merge body, Principal principal) {
        return workspace.mergeInto(id, body.into(), principal.getName());
    }
}
