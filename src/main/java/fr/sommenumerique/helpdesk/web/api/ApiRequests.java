package fr.sommenumerique.helpdesk.web.api;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.web.account.StaffRole;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** JSON bodies the API accepts, validated with French messages. */
final class ApiRequests {

    private ApiRequests() {
    }

    @Schema(description = "Réponse au demandeur, envoyée par le canal du ticket (e-mail ou Telegram)")
    record Reply(
            @NotBlank(message = "La réponse est vide.") @Size(max = 50_000, message = "La réponse dépasse 50 000 caractères.")
            String text,
            @Schema(description = "Statut après l'envoi : OPEN, PENDING, RESOLVED ou CLOSED ; absent pour laisser le statut")
            TicketStatus statusAfter) {
    }

    record Note(@NotBlank(message = "La note est vide.") @Size(max = 50_000, message = "La note dépasse 50 000 caractères.")
                String text) {
    }

    @Schema(description = "Identifiant du membre de l'équipe ; null ou vide pour retirer l'attribution")
    record Assignment(String assignee) {
    }

    record StatusChange(@NotNull(message = "Le statut est obligatoire.") TicketStatus status) {
    }

    record PriorityChange(@NotNull(message = "La priorité est obligatoire.") Priority priority) {
    }

    @Schema(description = "Code du service (actes, marches, partage, formation, offre, contact, reglementation) ; null pour « non classé »")
    record ServiceChange(String service) {
    }

    @Schema(description = "Code INSEE ou nom de la commune ; null pour « inconnue »")
    record CommuneChange(String commune) {
    }

    record Merge(@NotBlank(message = "Indiquez le ticket cible (référence MC-… ou numéro).")
                 @Schema(description = "Référence (MC-2026-00012) ou numéro du ticket qui reste", example = "MC-2026-00012")
                 String into) {
    }

    @Schema(description = "Message pour la commune (obligatoire pour un refus)")
    record Decision(@Size(max = 20_000, message = "Le message dépasse 20 000 caractères.") String message) {
    }

    record StaffNote(@NotBlank(message = "La note est vide.") @Size(max = 5_000, message = "La note dépasse 5 000 caractères.")
                     String note) {
    }

    record Ask(
            @NotBlank(message = "La question est obligatoire.")
            @Size(max = 10_000, message = "La question dépasse 10 000 caractères.")
            @Schema(example = "Quel certificat faut-il pour Actes ?")
            String question,
            @Pattern(regexp = "\\d[0-9AB]\\d{3}", message = "Le code INSEE de la commune doit compter 5 caractères (ex. 80001).")
            @Schema(description = "Code INSEE de la commune de l'expéditeur (facultatif) : son nom et sa population sont donnés à l'assistant",
                    example = "80001")
            String commune) {
    }

    record NewStaff(
            @NotBlank(message = "L'identifiant est obligatoire.") String username,
            String displayName,
            String email,
            @NotNull(message = "Le rôle est obligatoire (AGENT ou ADMIN).") StaffRole role) {
    }

    record StaffUpdate(
            @NotBlank(message = "Le nom affiché est obligatoire.") String displayName,
            String email,
            @NotNull(message = "Le rôle est obligatoire (AGENT ou ADMIN).") StaffRole role,
            @NotNull(message = "Indiquez si le compte est actif.") Boolean enabled) {
    }
}
