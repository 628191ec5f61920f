package fr.sommenumerique.helpdesk.ticketing.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code helpdesk.business-hours.*}: when the helpdesk is staffed.
 *
 * @param zone           time zone of the opening hours (default Europe/Paris)
 * @param days           open days of the week, e.g. MONDAY (default Monday to Friday)
 * @param periods        opening periods of an open day, "HH:mm-HH:mm" (default 09:00-12:30 and 14:00-17:30)
 * @param closedDates    extra closed dates, ISO yyyy-MM-dd (e.g. a bridge day)
 * @param publicHolidays whether French public holidays are closed (default true)
 */
@ConfigurationProperties("helpdesk.business-hours")
public record BusinessHoursProperties(String zone, List<String> days, List<String> periods, List<String> closedDates,
                                      Boolean publicHolidays) {

    public BusinessHoursProperties {
        zone = zone == null || zone.isBlank() ? "Europe/Paris" : zone.trim();
        days = days == null || days.isEmpty() ? List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY") : List.copyOf(days);
        periods = periods == null || periods.isEmpty() ? List.of("09:00-12:30", "14:00-17:30") : List.copyOf(periods);
        closedDates = closedDates == null ? List.of() : List.copyOf(closedDates);
        publicHolidays = publicHolidays == null || publicHolidays;
    }

    public static BusinessHoursProperties defaults() {
        return new BusinessHoursProperties(null, null, null, null, null);
    }
}
