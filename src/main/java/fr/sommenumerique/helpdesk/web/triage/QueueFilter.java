package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.TicketQuery;
import fr.sommenumerique.helpdesk.ticketing.TicketSort;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The queue's filters as they come from a URL (UI form or API query string), all optional strings, turned into a
 * {@link TicketQuery}. Unknown values are refused with a French message rather than silently ignored.
 *
 * @param status    {@code active} (default: NEW, OPEN, PENDING), {@code all}, or status names separated by commas
 * @param service   a service code or name ({@code actes}, {@code MARCHES}…)
 * @param commune   INSEE code
 * @param assignee  a username, {@code me} (the caller) or {@code none} (unassigned)
 * @param overdue   {@code true}: only tickets past a deadline
 * @param q         words searched in subject, messages and the requester's address, or a reference
 * @param sort      {@code due} (default), {@code updated}, {@code created}, {@code priority}
 * @param direction {@code asc} or {@code desc} (default: asc for due, desc otherwise)
 */
public record QueueFilter(String status, String service, String priority, String commune, String channel,
                          String assignee, Boolean overdue, String q, String sort, String direction, Integer page,
                          Integer size) {

    public static final String ACTIVE = "active";
    public static final String ALL = "all";
    public static final String ME = "me";
    public static final String NONE = "none";
    public static final int DEFAULT_SIZE = 25;

    public static QueueFilter empty() {
        return new QueueFilter(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static QueueFilter forCommune(String insee) {
        return new QueueFilter(ALL, null, null, insee, null, null, null, null, "updated", "desc", 0, 50);
    }

    public TicketQuery toQuery(String currentUser) {
        TicketQuery query = TicketQuery.all().withStatuses(statuses());
        ServiceArea area = parseService();
        if (area != null) {
            query = query.withService(area);
        }
        if (present(priority)) {
            query = query.withPriority(FrenchChoices.parse(Priority.class, priority, "priorité"));
        }
        if (present(commune)) {
            if (!commune.strip().matches("\\d[0-9AB]\\d{3}")) {
                throw new IllegalArgumentException("Code INSEE de commune invalide : " + commune);
            }
            query = query.withCommune(commune.strip());
        }
        if (present(channel)) {
            query = query.withChannel(FrenchChoices.parse(Channel.class, channel, "canal"));
        }
        if (present(assignee)) {
            String a = assignee.strip().toLowerCase(Locale.ROOT);
            query = switch (a) {
                case NONE -> query.unassigned();
                case ME -> query.withAssignee(currentUser);
                default -> query.withAssignee(a);
            };
        }
        if (Boolean.TRUE.equals(overdue)) {
            query = query.overdue();
        }
        if (present(q)) {
            query = query.withText(q.strip());
        }
        TicketSort order = present(sort) ? FrenchChoices.parse(TicketSort.class, sort, "tri") : TicketSort.DUE;
        boolean descending = present(direction) ? parseDirection() : order != TicketSort.DUE;
        int p = page == null ? 0 : Math.max(0, page);
        int s = size == null ? DEFAULT_SIZE : Math.max(1, Math.min(TicketQuery.MAX_PAGE_SIZE, size));
        return query.sortedBy(order, descending).page(p, s);
    }

    /** The status choice as the form shows it. */
    public String statusOrDefault() {
        return present(status) ? status.strip() : present(q) ? ALL : ACTIVE;
    }

    public String sortOrDefault() {
        return present(sort) ? sort.strip().toLowerCase(Locale.ROOT) : "due";
    }

    /** Whether any filter besides order and page is set. */
    public boolean narrowed() {
        return present(service) || present(priority) || present(commune) || present(channel) || present(assignee)
                || Boolean.TRUE.equals(overdue) || present(q)
                || (present(status) && !status.strip().equalsIgnoreCase(ACTIVE));
    }

    public QueueFilter withPage(int newPage) {
        return new QueueFilter(status, service, priority, commune, channel, assignee, overdue, q, sort, direction, newPage, size);
    }

    /** A search without a status looks in every ticket, closed ones included; the queue alone shows active ones. */
    public boolean allStatuses() {
        return statuses().isEmpty();
    }

    /** Which statuses the list includes, in words, for its caption. */
    public String statusScope() {
        Set<TicketStatus> s = statuses();
        if (s.isEmpty()) {
            return "tous statuts, clos compris";
        }
        if (s.equals(EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING))) {
            return "tickets actifs : nouveaux, ouverts, en attente";
        }
        return s.stream().map(t -> t.label().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** Whether the order is descending, as the query applies it. */
    public boolean descending() {
        TicketSort order = present(sort) ? FrenchChoices.parse(TicketSort.class, sort, "tri") : TicketSort.DUE;
        return present(direction) ? parseDirection() : order != TicketSort.DUE;
    }

    private Set<TicketStatus> statuses() {
        if (!present(status) && present(q)) {
            return Set.of();
        }
        if (!present(status) || status.strip().equalsIgnoreCase(ACTIVE)) {
            return EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING);
        }
        if (status.strip().equalsIgnoreCase(ALL)) {
            return Set.of();
        }
        return Arrays.stream(status.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> FrenchChoices.parse(TicketStatus.class, s, "statut"))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TicketStatus.class)));
    }

    private ServiceArea parseService() {
        if (!present(service)) {
            return null;
        }
        return FrenchChoices.parse(ServiceArea.class, service, "service");
    }

    private boolean parseDirection() {
        return switch (direction.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new IllegalArgumentException("Sens de tri inconnu : « " + direction
                    + " » (asc : croissant, desc : décroissant).");
        };
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
