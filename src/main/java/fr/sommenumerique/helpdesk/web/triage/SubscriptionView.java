package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.ticketing.AuditEntry;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;

import java.util.List;

/**
 * A subscription request with what staff need to decide.
 *
 * @param commune       null when not identified
 * @param ticketReference the ticket opened with the request, if any
 */
public record SubscriptionView(SubscriptionRequest request, Contact contact, Commune commune, String ticketReference,
                               List<AuditEntry> history) {

    /** « Éligible (412 habitants, moins de 2 000) », « Non éligible… », « Inconnue ». */
    public String eligibilityText() {
        if (commune == null) {
            return "Inconnue : commune non identifiée";
        }
        String population = fr.sommenumerique.helpdesk.web.render.Formats.french(commune.population());
        return commune.subsidyEligible()
                ? "Éligible à la subvention (" + population + " habitants, moins de 2 000)"
                : "Non éligible à la subvention (" + population + " habitants, 2 000 ou plus)";
    }
}
