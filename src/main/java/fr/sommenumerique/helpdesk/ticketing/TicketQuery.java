package fr.sommenumerique.helpdesk.ticketing;

import java.util.EnumSet;
import java.util.Set;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/**
 * Filters, order and page of the staff queue ({@link Tickets#search}). Null / empty filters match everything.
 * Build with {@link #all()} or {@link #activeQueue()} and the {@code with…} methods.
 *
 * @param statuses       any of these (empty: all)
 * @param assignee       only tickets assigned to this username
 * @param unassignedOnly only tickets without assignee
 * @param overdueOnly    only active tickets whose first-response (unanswered) or resolution due time has passed
 * @param text           words that must each appear (case/accent-insensitive) in the subject, a message or the
 *                       requester's address; a reference such as MC-2026-00012 finds that ticket
 * @param page           0-based
 */
public record TicketQuery(Set<TicketStatus> statuses, ServiceArea service, Priority priority, String communeInsee,
                          Channel channel, String assignee, boolean unassignedOnly, boolean overdueOnly, String text,
                          Long requesterId, TicketSort sort, boolean descending, int page, int size) {

    public static final int MAX_PAGE_SIZE = 200;

    public TicketQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? TicketSort.UPDATED : sort;
        page = Math.max(0, page);
        size = size <= 0 ? 25 : Math.min(size, MAX_PAGE_SIZE);
    }

    /** Every ticket, most recently updated first, 25 per page. */
    public static TicketQuery all() {
        return new TicketQuery(Set.of(), null, null, null, null, null, false, false, null, null, TicketSort.UPDATED, true, 0, 25);
    }

    /** NEW, OPEN and PENDING tickets, nearest deadline first. */
    public static TicketQuery activeQueue() {
        return all().withStatuses(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING).sortedBy(TicketSort.DUE, false);
    }

    public TicketQuery withStatuses(TicketStatus... statuses) {
        Set<TicketStatus> s = statuses.length == 0 ? Set.of() : EnumSet.of(statuses[0], statuses);
        return new TicketQuery(s, service, priority, communeInsee, channel, assignee, unassignedOnly, overdueOnly, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery withStatuses(Set<TicketStatus> statuses) {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, assignee, unassignedOnly, overdueOnly, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery withService(ServiceArea service) {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, assignee, unassignedOnly, overdueOnly, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery withPriority(Priority priority) {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, assignee, unassignedOnly, overdueOnly, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery withCommune(String communeInsee) {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, assignee, unassignedOnly, overdueOnly, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery withChannel(Channel channel) {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, assignee, unassignedOnly, overdueOnly, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery withAssignee(String assignee) {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, assignee, false, overdueOnly, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery unassigned() {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, null, true, overdueOnly, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery overdue() {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, assignee, unassignedOnly, true, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery withText(String text) {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, assignee, unassignedOnly, overdueOnly, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery withRequester(Long requesterId) {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, assignee, unassignedOnly, overdueOnly, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery sortedBy(TicketSort sort, boolean descending) {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, assignee, unassignedOnly, overdueOnly, text, requesterId, sort, descending, page, size);
    }

    public TicketQuery page(int page, int size) {
        return new TicketQuery(statuses, service, priority, communeInsee, channel, assignee, unassignedOnly, overdueOnly, text, requesterId, sort, descending, page, size);
    }
}
