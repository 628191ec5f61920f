package fr.sommenumerique.helpdesk.ticketing;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.ticketing.internal.SlaProperties;

/**
 * Service-level targets per priority, in business time ({@link BusinessCalendar}). Defaults: first response
 * URGENT 2 h, HIGH 4 h, NORMAL 1 business day, LOW 2 business days; resolution URGENT 1, HIGH 2, NORMAL 5,
 * LOW 10 business days. One business day is the length of an open day (7 h with the default hours).
 */
@Service
public class SlaPolicy {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(d|j|h|m|min)", Pattern.CASE_INSENSITIVE);

    private final BusinessCalendar calendar;
    private final Map<Priority, Duration> firstResponse = new EnumMap<>(Priority.class);
    private final Map<Priority, Duration> resolution = new EnumMap<>(Priority.class);

    public SlaPolicy(BusinessCalendar calendar, SlaProperties properties) {
        this.calendar = calendar;
        Duration day = calendar.businessDayLength();
        for (Priority p : Priority.values()) {
            firstResponse.put(p, parse(properties.firstResponse().get(p), day, "first-response." + p));
            resolution.put(p, parse(properties.resolution().get(p), day, "resolution." + p));
        }
    }

    /** Parses "2h", "90m", "1d"/"1j" (business days), or ISO-8601 "PT4H". */
    static Duration parse(String value, Duration businessDay, String property) {
        String v = value.trim();
        Matcher m = SIMPLE.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "d", "j" -> businessDay.multipliedBy(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            };
        }
        try {
            Duration d = Duration.parse(v);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("helpdesk.sla." + property + " must be positive: " + value);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("helpdesk.sla." + property + ": expected e.g. 4h, 90m, 2d or PT4H, got " + value, e);
        }
    }

    public Duration firstResponseTarget(Priority priority) {
        return firstResponse.get(priority);
    }

    public Duration resolutionTarget(Priority priority) {
        return resolution.get(priority);
    }

    public Instant firstResponseDue(Priority priority, Instant from) {
        return calendar.addBusinessTime(from, firstResponseTarget(priority));
    }

    public Instant resolutionDue(Priority priority, Instant from) {
        return calendar.addBusinessTime(from, resolutionTarget(priority));
    }

    /** For acknowledgements: « sous 4 heures ouvrées », « sous 1 jour ouvré ». */
    public String firstResponsePhrase(Priority priority) {
        return phrase(firstResponseTarget(priority));
    }

    /** « sous 5 jours ouvrés ». */
    public String resolutionPhrase(Priority priority) {
        return phrase(resolutionTarget(priority));
    }

    /** Whole business days when the duration is a multiple of one, else hours, else minutes. */
    public String phrase(Duration businessTime) {
        Duration day = calendar.businessDayLength();
        long minutes = businessTime.toMinutes();
        if (!day.isZero() && minutes > 0 && minutes % day.toMinutes() == 0) {
            long days = minutes / day.toMinutes();
            return days == 1 ? "sous 1 jour ouvré" : "sous " + days + " jours ouvrés";
        }
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours == 1 ? "sous 1 heure ouvrée" : "sous " + hours + " heures ouvrées";
        }
        return minutes == 1 ? "sous 1 minute ouvrée" : "sous " + minutes + " minutes ouvrées";
    }
}
