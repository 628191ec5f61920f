package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.conversation.StaffReplies;
import fr.sommenumerique.helpdesk.knowledge.TextCut;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.knowledge.SearchHit;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Attachment;
import fr.sommenumerique.helpdesk.ticketing.AuditEntry;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.Communes;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Macro;
import fr.sommenumerique.helpdesk.ticketing.Macros;
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
import java.util.Set;
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
    /** History actions that make a reply written before them worth a second look. */
    private static final Set<String> COLLIDING_CHANGES = Set.of("assigned", "status.changed", "reopened", "priority.changed");

    private final Tickets tickets;
    private final Contacts contacts;
    private final Communes communes;
    private final Outbox outbox;
    private final AuditLog audit;
    private final StaffReplies replies;
    private final StaffAccounts staff;
    private final KnowledgeBase knowledge;
    private final Macros macros;
    private final Clock clock;

    public TicketWorkspace(Tickets tickets, Contacts contacts, Communes communes, Outbox outbox, AuditLog audit,
                           StaffReplies replies, StaffAccounts staff, KnowledgeBase knowledge, Macros macros,
                           ObjectProvider<Clock> clock) {
        this.macros = macros;
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
        return knowledge.search(TextCut.head(text, 2000), SUGGESTIONS).hits();
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

    /**
     * A reply written on the page as it was at message {@code seenMessageId} and history entry
     * {@code seenChangeId}: refused when messages came in meanwhile (from the requester or a colleague) or when
     * someone else changed the assignee, status or priority, so the agent reads them before sending.
     */
    @Transactional
    public TicketMessage reply(long ticketId, String staffUser, String text, TicketStatus statusAfter, Long seenMessageId,
                               Long seenChangeId) {
        List<TicketMessage> newer = seenMessageId == null ? List.of() : newerThan(ticketId, seenMessageId, staffUser);
        List<AuditEntry> changes = seenChangeId == null ? List.of() : changesSince(ticketId, seenChangeId, staffUser);
        if (!newer.isEmpty() || !changes.isEmpty()) {
            throw new TicketChangedException(newer, changes);
        }
        return reply(ticketId, staffUser, text, statusAfter);
    }

    /** Messages after that one written by someone else than this staff member (the requester, a colleague…). */
    public List<TicketMessage> newerThan(long ticketId, long seenMessageId, String staffUser) {
        long id = tickets.resolveMerged(ticketId).map(Ticket::id).orElse(ticketId);
        return tickets.messages(id).stream()
                .filter(m -> m.id() > seenMessageId)
                .filter(m -> m.authorContactId() != null || !staffUser.equalsIgnoreCase(m.author()))
                .toList();
    }

    /** Changes of assignee, status or priority after that history entry, made by someone else than this staff member. */
    public List<AuditEntry> changesSince(long ticketId, long seenChangeId, String staffUser) {
        long id = tickets.resolveMerged(ticketId).map(Ticket::id).orElse(ticketId);
        return audit.of(AuditLog.TICKET, id).stream()
                .filter(e -> e.id() > seenChangeId && COLLIDING_CHANGES.contains(e.action()))
                .filter(e -> !staffUser.equalsIgnoreCase(e.actor()))
                .toList();
    }

    /** The reply exactly as it would be sent (greeting, the agent's name, signature). */
    public String preview(long ticketId, String staffUser, String text) {
        return replies.preview(ticketId, staffUser, text);
    }

    /**
     * A canned reply with its placeholders filled for this ticket: {@code {contact}} (the requester's name),
     * {@code {commune}}, {@code {agent}} (the agent's name), {@code {reference}}. An unknown value leaves a neutral
     * word rather than a hole.
     */
    public String macroText(long macroId, long ticketId, String staffUser) {
        Macro macro = macros.require(macroId);
        Ticket ticket = ticket(ticketId);
        Contact requester = contacts.byId(ticket.requesterId()).orElse(null);
        String contactName = requester == null || requester.displayName() == null ? "Madame, Monsieur" : requester.displayName();
        String commune = ticket.communeInsee() == null ? "votre commune"
                : communes.byInsee(ticket.communeInsee()).map(c -> c.name()).orElse("votre commune");
        String agent = agentName(staffUser);
        return macro.body().replace("{contact}", contactName).replace("{commune}", commune)
                .replace("{agent}", agent == null ? "l'équipe Mairie connectée" : agent)
                .replace("{reference}", ticket.reference());
    }

    /** The name replies are signed with: the staff member's display name. */
    private String agentName(String staffUser) {
        return staff.find(staffUser).map(StaffUser::displayName).orElse(null);
    }

    /**
     * Every property of the triage panel in one transaction: assignee (null: nobody), status, priority, service
     * (null: unclassified), commune (null: unknown). Only what differs is changed and audited.
     */
    @Transactional
    public Ticket update(long ticketId, String assignee, TicketStatus status, Priority priority, ServiceArea service,
                         String communeInsee, String actor) {
        Ticket before = ticket(ticketId);
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip().toLowerCase();
        if (!Objects.equals(who, before.assignee())) {
            assign(ticketId, who, actor);
        }
        if (status != null && status != before.status()) {
            changeStatus(ticketId, status, actor);
        }
        if (priority != null && priority != before.priority()) {
            changePriority(ticketId, priority, actor);
        }
        if (service != before.service()) {
            changeService(ticketId, service, actor);
        }
        String commune = communeInsee == null || communeInsee.isBlank() ? null : communeInsee.strip();
        if (!Objects.equals(commune, before.communeInsee())) {
            changeCommune(ticketId, commune, actor);
        }
        return ticket(ticketId);
    }

    /**
     * The same change on several tickets, all or nothing. {@code assignee}: null leaves it, blank unassigns, a
     * username (or the caller's) assigns; {@code status} and {@code priority}: null leaves them.
     *
     * @return how many tickets were changed
     */
    @Transactional
    public int bulkUpdate(List<Long> ticketIds, String assignee, TicketStatus status, Priority priority, String actor) {
        if (ticketIds.isEmpty()) {
            throw new IllegalArgumentException("Cochez au moins un ticket.");
        }
        if (assignee == null && status == null && priority == null) {
            throw new IllegalArgumentException("Choisissez ce qu'il faut changer : attribution, statut ou priorité.");
        }
        for (long id : ticketIds) {
            Ticket t = ticket(id);
            if (t.isMerged()) {
                throw new IllegalStateException("Le ticket " + t.reference() + " a été fusionné : il ne peut plus changer.");
            }
            if (assignee != null) {
                assign(id, assignee, actor);
            }
            if (status != null && status != t.status()) {
                changeStatus(id, status, actor);
            }
            if (priority != null) {
                changePriority(id, priority, actor);
            }
        }
        return ticketIds.size();
    }

    /** Merges the selected tickets into the oldest of them, all or nothing; returns the one that remains. */
    @Transactional
    public Ticket mergeAll(List<Long> ticketIds, String actor) {
        List<Long> ids = ticketIds.stream().distinct().sorted().toList();
        if (ids.size() < 2) {
            throw new IllegalArgumentException("Cochez au moins deux tickets à fusionner.");
        }
        long target = ids.get(0);
        for (long id : ids.subList(1, ids.size())) {
            tickets.merge(id, target, actor);
        }
        return ticket(target);
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
