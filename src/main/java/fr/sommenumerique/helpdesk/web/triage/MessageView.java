package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.web.render.QuotedText;

import java.util.List;

/**
 * A message as staff read it.
 *
 * @param segments     the text, quoted parts marked for collapsing
 * @param htmlDocument the e-mail's HTML, cleaned again, as a whole document for a sandboxed frame; null if none
 * @param delivery     the queued outgoing message of an OUTBOUND message, when it could be matched
 */
public record MessageView(TicketMessage message, List<QuotedText.Segment> segments, String htmlDocument,
                          OutboxMessage delivery) {

    public String kindLabel() {
        return switch (message.direction()) {
            case INBOUND -> "Message reçu";
            case OUTBOUND -> message.automatic() ? "Réponse automatique" : "Réponse envoyée";
            case NOTE -> "Note interne";
        };
    }

    public String cssClass() {
        return switch (message.direction()) {
            case INBOUND -> "msg-in";
            case OUTBOUND -> message.automatic() ? "msg-auto" : "msg-out";
            case NOTE -> "msg-note";
        };
    }

    public boolean isNote() {
        return message.direction() == MessageDirection.NOTE;
    }
}
