package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.assistant.DecisionKind;
import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Ticket;

/**
 * What a message or a ticket is about, as far as telling two issues apart goes: the service, and whether it is an
 * incident (something broken, to fix) rather than a question. The one place that reads the assistant's decision for
 * this, so that richer intents plug in here.
 *
 * @param service  null when unknown; {@link ServiceArea#OFFRE} (the offer in general) is no evidence either way
 * @param incident an incident: the assistant gave it a priority (high or urgent)
 */
record Topic(ServiceArea service, boolean incident) {

    static Topic of(Decision decision) {
        ServiceArea service = decision.services().isEmpty() ? null : decision.services().get(0);
        return new Topic(service, decision.kind() == DecisionKind.TICKET && decision.priority() != null
                && decision.priority().compareTo(Priority.HIGH) >= 0);
    }

    static Topic of(Ticket ticket) {
        return new Topic(ticket.service(), ticket.priority().compareTo(Priority.HIGH) >= 0);
    }

    boolean sameServiceAs(Topic other) {
        return specific() && service == other.service;
    }

    /** Another service, or an incident that would otherwise hide inside a question. */
    boolean clearlyDifferentFrom(Topic other) {
        return (incident && !other.incident) || (specific() && other.specific() && service != other.service);
    }

    /** Neither a service nor an incident: nothing to tell it apart from the conversation it follows. */
    boolean none() {
        return !incident && !specific();
    }

    private boolean specific() {
        return service != null && service != ServiceArea.OFFRE;
    }
}
