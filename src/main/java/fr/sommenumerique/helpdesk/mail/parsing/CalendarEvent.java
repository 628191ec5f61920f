package fr.sommenumerique.helpdesk.mail.parsing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The event of an iCalendar part ({@code text/calendar}, RFC 5545 / iTIP RFC 5546) as read from a mail: an invitation
 * ({@code METHOD:REQUEST}), its cancellation, or an attendee's answer ({@code METHOD:REPLY}). Times are local times in
 * France (UTC times converted to Europe/Paris; times with an unknown zone name, such as Outlook's « Romance Standard
 * Time », kept as written).
 *
 * @param method    iTIP method, upper case (REQUEST, REPLY, CANCEL, COUNTER, PUBLISH…), or empty when none is given
 * @param title     SUMMARY, or empty
 * @param start     DTSTART, or null
 * @param end       DTEND, or null
 * @param allDay    true when the dates carry no time
 * @param location  LOCATION, or empty
 * @param organizer the organiser, or null
 * @param attendees the attendees with their answers
 */
public record CalendarEvent(String method, String title, LocalDateTime start, LocalDateTime end, boolean allDay,
                            String location, MailAddress organizer, List<Attendee> attendees) {

    /**
     * @param address  the attendee's address
     * @param name     CN, or null
     * @param answer   PARTSTAT upper case (ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION, DELEGATED), or empty
     */
    public record Attendee(String address, String name, String answer) {

        /** The answer in French: « acceptée », « refusée », « acceptée provisoirement »… */
        public String answerLabel() {
            return switch (answer) {
                case "ACCEPTED" -> "acceptée";
                case "DECLINED" -> "refusée";
                case "TENTATIVE" -> "acceptée provisoirement";
                case "DELEGATED" -> "déléguée";
                case "NEEDS-ACTION" -> "sans réponse";
                default -> answer.isEmpty() ? "sans réponse" : answer.toLowerCase(Locale.ROOT);
            };
        }

        public String label() {
            return name == null || name.isBlank() ? address : name + " <" + address + ">";
        }
    }

    private static final Locale FRENCH = Locale.FRANCE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H'h'mm", FRENCH);

    public CalendarEvent {
        method = method == null ? "" : method.toUpperCase(Locale.ROOT);
        title = title == null ? "" : title.strip();
        location = location == null ? "" : location.strip();
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    /** An invitation or its update sent by the organiser (REQUEST, PUBLISH, ADD), as opposed to a reply. */
    public boolean isInvitation() {
        return method.isEmpty() || method.equals("REQUEST") || method.equals("PUBLISH") || method.equals("ADD");
    }

    public boolean isCancellation() {
        return method.equals("CANCEL");
    }

    /** An attendee's answer (REPLY) or counter-proposal (COUNTER): machine-made from a person's click. */
    public boolean isReply() {
        return method.equals("REPLY") || method.equals("COUNTER");
    }

    /** « jeudi 12 mars 2026 de 9h30 à 12h00 », « lundi 2 mars 2026 (toute la journée) », or empty. */
    public String when() {
        if (start == null) {
            return "";
        }
        if (allDay) {
            LocalDate first = start.toLocalDate();
            LocalDate last = end == null ? first : end.toLocalDate().minusDays(1); // DTEND of a day is exclusive
            return last.isAfter(first) ? "du " + DAY.format(first) + " au " + DAY.format(last)
                    : DAY.format(first) + " (toute la journée)";
        }
        if (end == null || end.equals(start)) {
            return DAY.format(start) + " à " + TIME.format(start);
        }
        if (end.toLocalDate().equals(start.toLocalDate())) {
            return DAY.format(start) + " de " + TIME.format(start) + " à " + TIME.format(end);
        }
        return "du " + DAY.format(start) + " à " + TIME.format(start) + " au " + DAY.format(end) + " à " + TIME.format(end);
    }

    /** A French summary for staff: title, date, place, organiser, on separate lines. */
    public String summary() {
        List<String> lines = new ArrayList<>();
        lines.add("Événement : " + (title.isEmpty() ? "(sans titre)" : "« " + title + " »"));
        if (!when().isEmpty()) {
            lines.add("Date : " + when());
        }
        if (!location.isEmpty()) {
            lines.add("Lieu : " + location);
        }
        if (organizer != null) {
            lines.add("Organisateur : " + organizer);
        }
        return String.join("\n", lines);
    }
}
