package fr.sommenumerique.helpdesk.web.render;

import fr.sommenumerique.helpdesk.assistant.DecisionKind;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.BusinessCalendar;
import fr.sommenumerique.helpdesk.ticketing.Communes;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** French formatting for the templates ({@code ${@fmt.dateTime(…)}}), in the helpdesk's time zone. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ZoneId zone;
    private final Communes communes;

    public Formats(BusinessCalendar calendar, Communes communes) {
        this.zone = calendar.zone();
        this.communes = communes;
    }

    /** A commune's name for its INSEE code (the code itself when unknown, « — » for none). */
    public String commune(String inseeCode) {
        if (inseeCode == null || inseeCode.isBlank()) {
            return "—";
        }
        return communes.byInsee(inseeCode).map(c -> c.name()).orElse(inseeCode);
    }

    public ZoneId zone() {
        return zone;
    }

    public String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant.atZone(zone));
    }

    /** « 07/12 14:30 » for lists: the year only when it is not the current one. */
    public String shortDateTime(Instant instant) {
        if (instant == null) {
            return "—";
        }
        java.time.ZonedDateTime at = instant.atZone(zone);
        return at.getYear() == java.time.ZonedDateTime.now(zone).getYear() ? SHORT_DATE_TIME.format(at) : DATE_TIME.format(at);
    }

    private static final DateTimeFormatter SHORT_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm", Locale.FRANCE);

    /** For {@code <time datetime="…">}. */
    public String isoDateTime(Instant instant) {
        return instant == null ? "" : ISO_LOCAL.format(instant.atZone(zone));
    }

    public String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "—" : DATE.format(instant.atZone(zone));
    }

    /** « 3 h 05 », « 45 min », « — » for null. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        return (minutes / 60) + " h " + String.format("%02d", minutes % 60);
    }

    /** « 12,5 » with a French decimal comma. */
    public String decimal(double value, int digits) {
        return String.format(Locale.FRANCE, "%." + digits + "f", value);
    }

    public String percent(double share) {
        return String.format(Locale.FRANCE, "%.0f %%", share * 100);
    }

    /** « 12 Ko », « 1,4 Mo ». */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " o";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " Ko";
        }
        return String.format(Locale.FRANCE, "%.1f Mo", bytes / (1024.0 * 1024.0));
    }

    /** « 1 351 ». */
    public String number(long n) {
        return french(n);
    }

    /** « 1 351 », for code that has no instance at hand (records, messages). */
    public static String french(long n) {
        return String.format(Locale.FRANCE, "%,d", n).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    /**
     * « 0 message », « 1 message », « 1 351 messages »: French puts the singular below 2. The one place counts are
     * written with their noun.
     */
    public String count(long n, String singular, String plural) {
        return countOf(n, singular, plural);
    }

    public static String countOf(long n, String singular, String plural) {
        return french(n) + " " + (Math.abs(n) < 2 ? singular : plural);
    }

    /** The noun alone, agreeing with n. */
    public String plural(long n, String singular, String plural) {
        return Math.abs(n) < 2 ? singular : plural;
    }

    /** « Actes » for the code {@code actes}; an unknown code as it is, none as « — ». */
    public String service(String code) {
        if (code == null || code.isBlank()) {
            return "—";
        }
        return ServiceArea.fromCode(code).map(ServiceArea::label).orElse(code);
    }

    /** One line of a message for the queue (quotes left out, at most 140 characters). */
    public String preview(String text) {
        return text == null ? "" : QuotedText.preview(text, 140);
    }

    public String decisionKind(DecisionKind kind) {
        return DecisionLabels.label(kind);
    }

    public String decisionKind(String kind) {
        return DecisionLabels.label(kind);
    }
}
