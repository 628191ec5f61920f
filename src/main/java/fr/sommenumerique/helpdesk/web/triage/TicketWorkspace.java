package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.conversation.StaffReplies;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.knowledge.SearchHit;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Attachment;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.Communes;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.Page;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketQuery;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.TicketSummary;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import fr.sommenumerique.helpdesk.web.render.EmailHtml;
import fr.sommenumerique.helpdesk.web.render.QuotedText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What staff do with tickets, shared by the UI and the REST API: the queue, the ticket with its conversation, and
 * every change (reply, note, assignment, status, priority, service, commune, merge). Replies go out by the ticket's
 * channel through {@link StaffReplies}.
 */
@Service
public class TicketWorkspace {

    private static final int SUGGESTIONS = 5;

    private final Tickets tickets;
    private final Contacts contacts;
    private final Communes communes;
    private final Outbox outbox;
    private final AuditLog audit;
    private final StaffReplies replies;
    private final StaffAccounts staff;
    private final KnowledgeBase knowledge;
    private final Clock clock;

    public TicketWorkspace(Tickets tickets, Contacts contacts, Communes communes, Outbox outbox, AuditLog audit,
                           StaffReplies replies, StaffAccounts staff, KnowledgeBase knowledge,
                           ObjectProvider<Clock> clock) {
        this.tickets = tickets;
        this.contacts = contacts;
        this.communes = communes;
        this.outbox = outbox;
        this.audit = audit;
        this.replies = replies;
        this.staff = staff;
        this.knowledge = knowledge;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public Page<TicketSummary> queue(QueueFilter filter, String currentUser) {
        return tickets.search(filter.toQuery(currentUser));
    }

    public Page<TicketSummary> queue(TicketQuery query) {
        return tickets.search(query);
    }

    public Ticket ticket(long id) {
        return tickets.findById(id).orElseThrow(() -> new NotFoundException("Ticket n° " + id + " introuvable"));
    }

    /** A ticket by reference (MC-2026-00012) or by number. */
    public Ticket ticket(String referenceOrId) {
        String key = referenceOrId == null ? "" : referenceOrId.strip();
        if (key.matches("\\d{1,18}")) {
            return ticket(Long.parseLong(key));
        }
        return tickets.findByReference(key).orElseThrow(() -> new NotFoundException("Ticket « " + key + " » introuvable"));
    }

    @Transactional(readOnly = true)
    public TicketView view(long id) {
        Ticket ticket = ticket(id);
        Map<String, OutboxMessage> sentById = outbox.ofTicket(ticket.id()).stream()
                .filter(m -> m.messageId() != null)
                .collect(Collectors.toMap(OutboxMessage::messageId, Function.identity(), (a, b) -> a));
        List<MessageView> messages = tickets.messages(ticket.id()).stream()
                .map(m -> new MessageView(m, QuotedText.split(m.text()),
                        m.html() == null || m.html().isBlank() ? null : EmailHtml.document(m.html()),
                        m.direction() == MessageDirection.OUTBOUND && m.emailMessageId() != null
                                ? sentById.get(m.emailMessageId()) : null))
                .toList();
        Instant now = clock.instant();
        return new TicketView(ticket,
                contacts.byId(ticket.requesterId()).orElse(null),
                ticket.communeInsee() == null ? null : communes.byInsee(ticket.communeInsee()).orElse(null),
                messages,
                outbox.ofTicket(ticket.id()),
                audit.of(AuditLog.TICKET, ticket.id()),
                ticket.mergedIntoId() == null ? null : tickets.findById(ticket.mergedIntoId()).map(Ticket::reference).orElse(null),
                ticket.linkedTicketId() == null ? null : tickets.findById(ticket.linkedTicketId()).map(Ticket::reference).orElse(null),
                ticket.firstResponseOverdue(now), ticket.resolutionOverdue(now),
                suggestions(ticket, messages),
                tickets.ticketsOf(ticket.requesterId()).stream().filter(t -> t.id() != ticket.id()).limit(10).toList());
    }

    /** Knowledge-base articles for the subject and the requester's first message. */
    private List<SearchHit> suggestions(Ticket ticket, List<MessageView> messages) {
        String firstInbound = messages.stream().map(MessageView::message)
                .filter(m -> m.direction() == MessageDirection.INBOUND)
                .map(m -> QuotedText.split(m.text()).stream().filter(s -> !s.quoted()).map(QuotedText.Segment::text)
                        .collect(Collectors.joining("\n")))
                .findFirst().orElse("");
        String text = ticket.subject() + "\n" + firstInbound;
        if (text.length() > 2000) {
            text = text.substring(0, 2000);
        }
        return knowledge.search(text, SUGGESTIONS).hits();
    }

    public Attachment attachment(long ticketId, long attachmentId) {
        Attachment attachment = tickets.attachment(attachmentId)
                .orElseThrow(() -> new NotFoundException("Pièce jointe n° " + attachmentId + " introuvable"));
        long owner = tickets.message(attachment.info().messageId()).map(TicketMessage::ticketId).orElse(-1L);
        if (owner != ticketId) {
            throw new NotFoundException("Pièce jointe n° " + attachmentId + " introuvable sur ce ticket");
        }
        return attachment;
    }

    public TicketMessage reply(long ticketId, String staffUser, String text, TicketStatus statusAfter) {
        if (statusAfter != null && statusAfter.isActive() && statusAfter != TicketStatus.PENDING && statusAfter != TicketStatus.OPEN) {
            throw new IllegalArgumentException("Après une réponse, le statut peut être Ouvert, En attente, Résolu ou Clos.");
        }
        return replies.reply(ticketId, staffUser, text, statusAfter);
    }

    public TicketMessage note(long ticketId, String staffUser, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("La note est vide.");
        }
        return tickets.addNote(ticketId, staffUser, text.strip());
    }

    /** Assigns to an active staff member, or unassigns with null / blank. */
    public Ticket assign(long ticketId, String assignee, String actor) {
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip().toLowerCase();
        if (who != null && staff.find(who).filter(StaffUser::enabled).isEmpty()) {
            throw new IllegalArgumentException("« " + assignee + " » n'est pas un membre actif de l'équipe.");
        }
        return tickets.assign(ticketId, who, actor);
    }

    public Ticket changeStatus(long ticketId, TicketStatus status, String actor) {
        Objects.requireNonNull(status, "status");
        if (status == TicketStatus.OPEN && !ticket(ticketId).isActive()) {
            return tickets.reopen(ticketId, actor);
        }
        return tickets.changeStatus(ticketId, status, actor);
    }

    public Ticket changePriority(long ticketId, Priority priority, String actor) {
        return tickets.changePriority(ticketId, Objects.requireNonNull(priority, "priority"), actor);
    }

    public Ticket changeService(long ticketId, ServiceArea service, String actor) {
        return tickets.changeService(ticketId, service, actor);
    }

    public Ticket changeCommune(long ticketId, String inseeCode, String actor) {
        return tickets.changeCommune(ticketId, inseeCode == null || inseeCode.isBlank() ? null : inseeCode.strip(), actor);
    }

    /** Merges this ticket into another (given by reference or number); returns the ticket that remains. */
    public Ticket mergeInto(long sourceId, String target, String actor) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("Indiquez la référence du ticket dans lequel fusionner (ex. MC-2026-00012).");
        }
        Ticket into = ticket(target);
        return tickets.merge(sourceId, into.id(), actor);
    }
}
