package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.ticketing.TicketMessage;

import java.util.List;

/** A reply was not sent: the ticket received these messages after the page was loaded. */
public class TicketChangedException extends RuntimeException {

    private final transient List<TicketMessage> newer;

    public TicketChangedException(List<TicketMessage> newer) {
        super(newer.size() < 2
                ? "Un nouveau message est arrivé sur ce ticket pendant que vous écriviez : lisez-le avant d'envoyer."
                : newer.size() + " nouveaux messages sont arrivés sur ce ticket pendant que vous écriviez : lisez-les avant d'envoyer.");
        this.newer = List.copyOf(newer);
    }

    public List<TicketMessage> newer() {
        return newer;
    }
}
