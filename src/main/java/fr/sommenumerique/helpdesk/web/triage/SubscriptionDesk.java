package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.conversation.SubscriptionDecisions;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.Communes;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import fr.sommenumerique.helpdesk.ticketing.Page;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionStatus;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The subscription-request queue: review, accept or reject with a message sent to the commune. */
@Service
public class SubscriptionDesk {

    private final Subscriptions subscriptions;
    private final SubscriptionDecisions decisions;
    private final Contacts contacts;
    private final Communes communes;
    private final Tickets tickets;
    private final AuditLog audit;

    public SubscriptionDesk(Subscriptions subscriptions, SubscriptionDecisions decisions, Contacts contacts,
                            Communes communes, Tickets tickets, AuditLog audit) {
        this.subscriptions = subscriptions;
        this.decisions = decisions;
        this.contacts = contacts;
        this.communes = communes;
        this.tickets = tickets;
        this.audit = audit;
    }

    /**
     * @param status {@code pending} (default: received or in review), {@code all}, or status names separated by commas
     */
    public Page<SubscriptionRequest> queue(String status, int page, int size) {
        return subscriptions.search(statuses(status), page, size);
    }

    public static Set<SubscriptionStatus> statuses(String status) {
        if (status == null || status.isBlank() || status.strip().equalsIgnoreCase("pending")) {
            return EnumSet.of(SubscriptionStatus.RECEIVED, SubscriptionStatus.IN_REVIEW);
        }
        if (status.strip().equalsIgnoreCase("all")) {
            return Set.of();
        }
        return Arrays.stream(status.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> FrenchChoices.parse(SubscriptionStatus.class, s, "statut"))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SubscriptionStatus.class)));
    }

    public SubscriptionRequest request(long id) {
        return subscriptions.byId(id).orElseThrow(() -> new NotFoundException("Demande n° " + id + " introuvable"));
    }

    @Transactional(readOnly = true)
    public SubscriptionView view(long id) {
        SubscriptionRequest r = request(id);
        return new SubscriptionView(r, contacts.byId(r.contactId()).orElse(null),
                r.communeInsee() == null ? null : communes.byInsee(r.communeInsee()).orElse(null),
                r.ticketId() == null ? null : tickets.findById(r.ticketId()).map(Ticket::reference).orElse(null),
                audit.of(AuditLog.SUBSCRIPTION, id));
    }

    public SubscriptionRequest markInReview(long id, String actor) {
        return subscriptions.markInReview(id, actor);
    }

    public SubscriptionRequest accept(long id, String message, String actor) {
        return decisions.accept(id, blankToNull(message), actor);
    }

    public SubscriptionRequest reject(long id, String message, String actor) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("Un refus doit être motivé : écrivez le message pour la commune.");
        }
        return decisions.reject(id, message.strip(), actor);
    }

    public SubscriptionRequest addNote(long id, String note, String actor) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("La note est vide.");
        }
        return subscriptions.addStaffNote(id, note, actor);
    }

    public SubscriptionRequest changeCommune(long id, String inseeCode, String actor) {
        return subscriptions.changeCommune(id, blankToNull(inseeCode), actor);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
