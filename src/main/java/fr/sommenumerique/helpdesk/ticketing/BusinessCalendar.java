package fr.sommenumerique.helpdesk.ticketing;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Service;

import fr.sommenumerique.helpdesk.ticketing.internal.BusinessHoursProperties;

/**
 * Opening hours of the helpdesk (by default Monday to Friday, 9:00–12:30 and 14:00–17:30, Europe/Paris, closed on
 * French public holidays) and business-time arithmetic. All computations go through local dates and times of the
 * configured zone, so they stay right across summer/winter time changes.
 */
@Service
public class BusinessCalendar {

    /** Upper bound of the day-by-day walks, so a calendar without any open day fails instead of looping. */
    private static final int MAX_DAYS = 3 * 366;

    private record Period(LocalTime start, LocalTime end) {
    }

    private record Interval(Instant start, Instant end) {
    }

    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final List<Period> periods;
    private final Set<LocalDate> closedDates;
    private final boolean publicHolidays;
    private final ConcurrentMap<Integer, List<PublicHoliday>> holidayCache = new ConcurrentHashMap<>();

    public BusinessCalendar(BusinessHoursProperties properties) {
        try {
            this.zone = ZoneId.of(properties.zone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("helpdesk.business-hours.zone: unknown time zone " + properties.zone(), e);
        }
        Set<DayOfWeek> d = EnumSet.noneOf(DayOfWeek.class);
        for (String day : properties.days()) {
            try {
                d.add(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("helpdesk.business-hours.days: unknown day " + day + " (use MONDAY…SUNDAY)", e);
            }
        }
        this.days = d;
        this.periods = parsePeriods(properties.periods());
        Set<LocalDate> closed = new HashSet<>();
        for (String date : properties.closedDates()) {
            try {
                closed.add(LocalDate.parse(date.trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("helpdesk.business-hours.closed-dates: bad date " + date + " (use yyyy-MM-dd)", e);
            }
        }
        this.closedDates = Set.copyOf(closed);
        this.publicHolidays = properties.publicHolidays();
    }

    /** The default calendar (Monday–Friday, 9:00–12:30 and 14:00–17:30, Europe/Paris, public holidays closed). */
    public static BusinessCalendar defaultCalendar() {
        return new BusinessCalendar(BusinessHoursProperties.defaults());
    }

    private static List<Period> parsePeriods(List<String> specs) {
        List<Period> result = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.trim().split("\\s*-\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("helpdesk.business-hours.periods: expected HH:mm-HH:mm, got " + spec);
            }
            try {
                LocalTime start = LocalTime.parse(parts[0].length() == 4 ? "0" + parts[0] : parts[0]);
                LocalTime end = LocalTime.parse(parts[1].length() == 4 ? "0" + parts[1] : parts[1]);
                if (!end.isAfter(start)) {
                    throw new IllegalArgumentException("helpdesk.business-hours.periods: end before start in " + spec);
                }
                result.add(new Period(start, end));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("helpdesk.business-hours.periods: expected HH:mm-HH:mm, got " + spec, e);
            }
        }
        result.sort((a, b) -> a.start().compareTo(b.start()));
        for (int i = 1; i < result.size(); i++) {
            if (result.get(i).start().isBefore(result.get(i - 1).end())) {
                throw new IllegalArgumentException("helpdesk.business-hours.periods: overlapping periods " + specs);
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("helpdesk.business-hours.periods: at least one period is needed");
        }
        return List.copyOf(result);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Business time of one ordinary open day (7 hours by default). */
    public Duration businessDayLength() {
        Duration total = Duration.ZERO;
        for (Period p : periods) {
            total = total.plus(Duration.between(p.start(), p.end()));
        }
        return total;
    }

    /** French public holidays of a year, in date order. */
    public List<PublicHoliday> holidays(int year) {
        return holidayCache.computeIfAbsent(year, BusinessCalendar::computeHolidays);
    }

    public boolean isPublicHoliday(LocalDate date) {
        return holidays(date.getYear()).stream().anyMatch(h -> h.date().equals(date));
    }

    /** Whether the helpdesk opens at all on that (local) date. */
    public boolean isBusinessDay(LocalDate date) {
        return days.contains(date.getDayOfWeek())
                && !closedDates.contains(date)
                && !(publicHolidays && isPublicHoliday(date));
    }

    public boolean isOpen(Instant instant) {
        for (Interval i : intervals(LocalDate.ofInstant(instant, zone))) {
            if (!instant.isBefore(i.start()) && instant.isBefore(i.end())) {
                return true;
            }
        }
        return false;
    }

    /** The instant itself when open, otherwise the start of the next opening period. */
    public Instant nextOpening(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        for (int n = 0; n < MAX_DAYS; n++, day = day.plusDays(1)) {
            for (Interval i : intervals(day)) {
                if (i.end().isAfter(instant)) {
                    return i.start().isAfter(instant) ? i.start() : instant;
                }
            }
        }
        throw noOpening();
    }

    /** The instant at which {@code amount} of business time has elapsed after {@code start}. */
    public Instant addBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business time: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        LocalDate day = LocalDate.ofInstant(start, zone);
        for (int n = 0; n < MAX_DAYS; n++, day = day.plusDays(1)) {
            for (Interval i : intervals(day)) {
                if (!i.end().isAfter(start)) {
                    continue;
                }
                Instant from = i.start().isAfter(start) ? i.start() : start;
                Duration available = Duration.between(from, i.end());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw noOpening();
    }

    /** Business time elapsed from {@code from} to {@code to}; negative when {@code to} is before {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            for (Interval i : intervals(day)) {
                Instant s = i.start().isAfter(from) ? i.start() : from;
                Instant e = i.end().isBefore(to) ? i.end() : to;
                if (e.isAfter(s)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
        }
        return total;
    }

    /** « du lundi au vendredi, de 9h00 à 12h30 et de 14h00 à 17h30, hors jours fériés ». */
    public String openingHoursText() {
        StringBuilder sb = new StringBuilder(daysText());
        List<String> parts = periods.stream().map(p -> "de " + hour(p.start()) + " à " + hour(p.end())).toList();
        sb.append(", ").append(joinFrench(parts));
        if (publicHolidays) {
            sb.append(", hors jours fériés");
        }
        return sb.toString();
    }

    private String daysText() {
        List<DayOfWeek> open = days.stream().sorted().toList();
        boolean contiguous = open.size() > 2
                && open.get(open.size() - 1).getValue() - open.get(0).getValue() == open.size() - 1;
        if (open.size() == 7) {
            return "tous les jours";
        }
        if (contiguous) {
            return "du " + dayName(open.get(0)) + " au " + dayName(open.get(open.size() - 1));
        }
        return joinFrench(open.stream().map(d -> "le " + dayName(d)).toList());
    }

    private static String dayName(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> "lundi";
            case TUESDAY -> "mardi";
            case WEDNESDAY -> "mercredi";
            case THURSDAY -> "jeudi";
            case FRIDAY -> "vendredi";
            case SATURDAY -> "samedi";
            case SUNDAY -> "dimanche";
        };
    }

    private static String hour(LocalTime t) {
        return t.getHour() + "h" + "%02d".formatted(t.getMinute());
    }

    private static String joinFrench(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " et " + parts.get(parts.size() - 1);
    }

    private List<Interval> intervals(LocalDate day) {
        if (!isBusinessDay(day)) {
            return List.of();
        }
        List<Interval> result = new ArrayList<>(periods.size());
        for (Period p : periods) {
            Instant start = ZonedDateTime.of(day, p.start(), zone).toInstant();
            Instant end = ZonedDateTime.of(day, p.end(), zone).toInstant();
            if (end.isAfter(start)) {
                result.add(new Interval(start, end));
            }
        }
        return result;
    }

    private IllegalStateException noOpening() {
        return new IllegalStateException("The business calendar has no opening within " + MAX_DAYS + " days");
    }

    private static List<PublicHoliday> computeHolidays(int year) {
        LocalDate easter = easterSunday(year);
        List<PublicHoliday> list = new ArrayList<>(List.of(
                new PublicHoliday(LocalDate.of(year, 1, 1), "Jour de l'an"),
                new PublicHoliday(easter.plusDays(1), "Lundi de Pâques"),
                new PublicHoliday(LocalDate.of(year, 5, 1), "Fête du Travail"),
                new PublicHoliday(LocalDate.of(year, 5, 8), "Victoire 1945"),
                new PublicHoliday(easter.plusDays(39), "Ascension"),
                new PublicHoliday(easter.plusDays(50), "Lundi de Pentecôte"),
                new PublicHoliday(LocalDate.of(year, 7, 14), "Fête nationale"),
                new PublicHoliday(LocalDate.of(year, 8, 15), "Assomption"),
                new PublicHoliday(LocalDate.of(year, 11, 1), "Toussaint"),
                new PublicHoliday(LocalDate.of(year, 11, 11), "Armistice 1918"),
                new PublicHoliday(LocalDate.of(year, 12, 25), "Noël")));
        list.sort((a, b) -> a.date().compareTo(b.date()));
        return List.copyOf(list);
    }

    /** Gregorian Easter Sunday (anonymous Gregorian computus, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
