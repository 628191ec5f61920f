package fr.sommenumerique.helpdesk.mail.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the first event of an iCalendar text (RFC 5545): only what a helpdesk shows (method, title, dates, place,
 * organiser, attendees' answers). Lenient: folded lines, quoted parameters, escaped text, UTC / zoned / floating
 * times and whole days; anything unreadable is left out rather than failing the mail.
 */
final class CalendarReader {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{8})(?:T(\\d{4})(\\d{2})?(Z)?)?");
    private static final Pattern MAILTO = Pattern.compile("(?i)^mailto:");

    private record Property(String name, Map<String, String> params, String value) {
        String param(String key) {
            return params.get(key);
        }
    }

    private CalendarReader() {
    }

    /** The event, or empty when the text holds no VEVENT (nor a METHOD worth reporting). */
    static Optional<CalendarEvent> read(String ics, String methodParameter) {
        if (ics == null || ics.isBlank()) {
            return Optional.empty();
        }
        String method = methodParameter == null ? "" : methodParameter.strip();
        Map<String, Property> event = new HashMap<>();
        List<Property> attendees = new ArrayList<>();
        boolean inEvent = false;
        boolean seenEvent = false;
        int nested = 0;
        for (String line : unfold(ics)) {
            Property p = parse(line);
            if (p == null) {
                continue;
            }
            if (p.name().equals("BEGIN")) {
                if (p.value().equalsIgnoreCase("VEVENT") && !seenEvent) {
                    inEvent = true;
                } else if (inEvent) {
                    nested++; // VALARM inside the event
                }
                continue;
            }
            if (p.name().equals("END")) {
                if (inEvent && nested > 0) {
                    nested--;
                } else if (inEvent && p.value().equalsIgnoreCase("VEVENT")) {
                    inEvent = false;
                    seenEvent = true;
                }
                continue;
            }
            if (!inEvent && p.name().equals("METHOD") && method.isEmpty()) {
                method = p.value().strip();
            } else if (inEvent && nested == 0) {
                if (p.name().equals("ATTENDEE")) {
                    attendees.add(p);
                } else {
                    event.putIfAbsent(p.name(), p);
                }
            }
        }
        if (!seenEvent && !inEvent) {
            return Optional.empty();
        }
        Property start = event.get("DTSTART");
        Property end = event.get("DTEND");
        boolean allDay = start != null && ("DATE".equalsIgnoreCase(start.param("VALUE")) || start.value().strip().length() == 8);
        return Optional.of(new CalendarEvent(method, text(event.get("SUMMARY")), dateTime(start), dateTime(end), allDay,
                text(event.get("LOCATION")), organizer(event.get("ORGANIZER")),
                attendees.stream().map(CalendarReader::attendee).toList()));
    }

    private static List<String> unfold(String ics) {
        String text = ics.replace("\r\n", "\n").replace('\r', '\n').replaceAll("\n[ \t]", "");
        return List.of(text.split("\n"));
    }

    /** NAME;PARAM=value;PARAM="quoted: value":VALUE — the first colon outside quotes ends the parameters. */
    private static Property parse(String line) {
        boolean quoted = false;
        int colon = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            return null;
        }
        String[] head = line.substring(0, colon).split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        Map<String, String> params = new HashMap<>();
        for (int i = 1; i < head.length; i++) {
            int eq = head[i].indexOf('=');
            if (eq > 0) {
                params.put(head[i].substring(0, eq).strip().toUpperCase(Locale.ROOT),
                        head[i].substring(eq + 1).strip().replace("\"", ""));
            }
        }
        return new Property(head[0].strip().toUpperCase(Locale.ROOT), params, line.substring(colon + 1));
    }

    private static String text(Property p) {
        if (p == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        String v = p.value();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char next = v.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** UTC times in French local time; zoned times converted when the zone is known, else kept as written. */
    private static LocalDateTime dateTime(Property p) {
        if (p == null) {
            return null;
        }
        Matcher m = DATE_TIME.matcher(p.value().strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
            if (m.group(2) == null) {
                return day.atStartOfDay();
            }
            LocalDateTime local = day.atTime(Integer.parseInt(m.group(2).substring(0, 2)),
                    Integer.parseInt(m.group(2).substring(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
            if (m.group(4) != null) {
                return local.atOffset(ZoneOffset.UTC).atZoneSameInstant(FRANCE).toLocalDateTime();
            }
            ZoneId zone = zone(p.param("TZID"));
            return zone == null ? local : local.atZone(zone).withZoneSameInstant(FRANCE).toLocalDateTime();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ZoneId zone(String tzid) {
        if (tzid == null || tzid.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(tzid.strip().replaceFirst("^/", ""));
        } catch (DateTimeException e) {
            return null; // a Windows zone name (« Romance Standard Time »): the time is kept as written
        }
    }

    private static MailAddress organizer(Property p) {
        if (p == null) {
            return null;
        }
        String address = MAILTO.matcher(p.value().strip()).replaceFirst("");
        String name = p.param("CN");
        return new MailAddress(address, name == null || name.isBlank() ? null : name);
    }

    private static CalendarEvent.Attendee attendee(Property p) {
        String partstat = p.param("PARTSTAT");
        String name = p.param("CN");
        return new CalendarEvent.Attendee(MAILTO.matcher(p.value().strip()).replaceFirst(""),
                name == null || name.isBlank() ? null : name,
                partstat == null ? "" : partstat.toUpperCase(Locale.ROOT));
    }
}
