package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.ticketing.AuditEntry;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;

import java.util.List;

/**
 * A reply was not sent: since the page was loaded the ticket received these messages, or someone else changed its
 * assignee, status or priority.
 */
public class TicketChangedException extends RuntimeException {

    private final transient List<TicketMessage> newer;
    private final transient List<AuditEntry> changes;

    public TicketChangedException(List<TicketMessage> newer, List<AuditEntry> changes) {
        super(message(newer.size(), changes.size()));
        this.newer = List.copyOf(newer);
        this.changes = List.copyOf(changes);
    }

    private static String message(int messages, int changes) {
        String read = messages == 0 ? ""
                : messages == 1 ? "Un nouveau message est arrivé sur ce ticket pendant que vous écriviez : lisez-le avant d'envoyer."
                : messages + " nouveaux messages sont arrivés sur ce ticket pendant que vous écriviez : lisez-les avant d'envoyer.";
        String check = changes == 0 ? ""
                : "L'attribution, le statut ou la priorité de ce ticket a changé pendant que vous écriviez : "
                + "vérifiez ces changements avant d'envoyer.";
        return read.isEmpty() || check.isEmpty() ? read + check : read + " " + check;
    }

    public List<TicketMessage> newer() {
        return newer;
    }

    public List<AuditEntry> changes() {
        return changes;
    }
}
