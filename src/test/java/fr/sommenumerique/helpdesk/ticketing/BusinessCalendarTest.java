package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.sommenumerique.helpdesk.ticketing.internal.BusinessHoursProperties;

class BusinessCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final BusinessCalendar calendar = BusinessCalendar.defaultCalendar();

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void frenchPublicHolidaysOf2026() {
        assertThat(calendar.holidays(2026)).extracting(PublicHoliday::date).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 8),
                LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 14),
                LocalDate.of(2026, 8, 15), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 11),
                LocalDate.of(2026, 12, 25));
        assertThat(calendar.holidays(2026)).contains(
                new PublicHoliday(LocalDate.of(2026, 4, 6), "Lundi de Pâques"),
                new PublicHoliday(LocalDate.of(2026, 5, 14), "Ascension"),
                new PublicHoliday(LocalDate.of(2026, 5, 25), "Lundi de Pentecôte"));
    }

    @Test
    void frenchPublicHolidaysOf2027() {
        assertThat(calendar.holidays(2027)).extracting(PublicHoliday::date).containsExactly(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 6),
                LocalDate.of(2027, 5, 8), LocalDate.of(2027, 5, 17), LocalDate.of(2027, 7, 14),
                LocalDate.of(2027, 8, 15), LocalDate.of(2027, 11, 1), LocalDate.of(2027, 11, 11),
                LocalDate.of(2027, 12, 25));
    }

    @Test
    void easterComputusMatchesKnownDates() {
        assertThat(BusinessCalendar.easterSunday(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
        assertThat(BusinessCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(BusinessCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(BusinessCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(BusinessCalendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25)); // latest possible
        assertThat(BusinessCalendar.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22)); // earliest possible
    }

    @Test
    void openingHoursInFrench() {
        assertThat(calendar.openingHoursText())
                .isEqualTo("du lundi au vendredi, de 9h00 à 12h30 et de 14h00 à 17h30, hors jours fériés");
        assertThat(calendar.businessDayLength()).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void openOnlyDuringPeriodsOfBusinessDays() {
        assertThat(calendar.isOpen(paris("2026-03-02T09:00"))).isTrue();
        assertThat(calendar.isOpen(paris("2026-03-02T08:59"))).isFalse();
        assertThat(calendar.isOpen(paris("2026-03-02T12:29"))).isTrue();
        assertThat(calendar.isOpen(paris("2026-03-02T12:30"))).isFalse();
        assertThat(calendar.isOpen(paris("2026-03-02T13:15"))).isFalse();
        assertThat(calendar.isOpen(paris("2026-03-02T17:29"))).isTrue();
        assertThat(calendar.isOpen(paris("2026-03-02T17:30"))).isFalse();
        assertThat(calendar.isOpen(paris("2026-03-07T10:00"))).as("Saturday").isFalse();
        assertThat(calendar.isOpen(paris("2026-04-06T10:00"))).as("Easter Monday").isFalse();
        assertThat(calendar.isOpen(paris("2026-05-14T10:00"))).as("Ascension").isFalse();
        assertThat(calendar.isOpen(paris("2026-05-15T10:00"))).as("Friday after Ascension").isTrue();
    }

    @Test
    void nextOpening() {
        assertThat(calendar.nextOpening(paris("2026-03-02T10:00"))).isEqualTo(paris("2026-03-02T10:00"));
        assertThat(calendar.nextOpening(paris("2026-03-02T12:45"))).isEqualTo(paris("2026-03-02T14:00"));
        assertThat(calendar.nextOpening(paris("2026-03-06T18:00"))).isEqualTo(paris("2026-03-09T09:00"));
        assertThat(calendar.nextOpening(paris("2026-04-03T17:45"))).as("Good Friday evening → Tuesday after Easter")
                .isEqualTo(paris("2026-04-07T09:00"));
    }

    @Test
    void addBusinessTimeAcrossLunchBreak() {
        assertThat(calendar.addBusinessTime(paris("2026-03-02T11:00"), Duration.ofHours(4)))
                .isEqualTo(paris("2026-03-02T16:30"));
        assertThat(calendar.addBusinessTime(paris("2026-03-02T11:30"), Duration.ofHours(1)))
                .as("ends exactly at the lunch break").isEqualTo(paris("2026-03-02T12:30"));
        assertThat(calendar.addBusinessTime(paris("2026-03-02T12:45"), Duration.ofMinutes(30)))
                .as("starting during lunch").isEqualTo(paris("2026-03-02T14:30"));
    }

    @Test
    void addBusinessTimeAcrossWeekend() {
        assertThat(calendar.addBusinessTime(paris("2026-03-13T16:00"), Duration.ofHours(4)))
                .isEqualTo(paris("2026-03-16T11:30"));
        assertThat(calendar.addBusinessTime(paris("2026-03-14T10:00"), Duration.ofHours(1)))
                .as("received on Saturday").isEqualTo(paris("2026-03-16T10:00"));
        assertThat(calendar.addBusinessTime(paris("2026-03-02T09:00"), Duration.ofHours(35)))
                .as("five business days").isEqualTo(paris("2026-03-06T17:30"));
    }

    @Test
    void addBusinessTimeAcrossHolidays() {
        // Thursday 7 May, then 8 May (holiday), weekend, Monday 11 May
        assertThat(calendar.addBusinessTime(paris("2026-05-07T16:00"), Duration.ofHours(4)))
                .isEqualTo(paris("2026-05-11T11:30"));
        // Wednesday before Ascension
        assertThat(calendar.addBusinessTime(paris("2026-05-13T17:00"), Duration.ofHours(1)))
                .isEqualTo(paris("2026-05-15T09:30"));
        // Good Friday afternoon → Easter Monday skipped
        assertThat(calendar.addBusinessTime(paris("2026-04-03T17:00"), Duration.ofHours(1)))
                .isEqualTo(paris("2026-04-07T09:30"));
    }

    @Test
    void addBusinessTimeAcrossDaylightSavingChanges() {
        // spring forward on Sunday 29 March 2026: Friday 16:00 CET is 15:00Z, Monday 11:30 CEST is 09:30Z
        Instant due = calendar.addBusinessTime(paris("2026-03-27T16:00"), Duration.ofHours(4));
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T09:30:00Z"));
        assertThat(calendar.businessTimeBetween(paris("2026-03-27T16:00"), due)).isEqualTo(Duration.ofHours(4));
        assertThat(Duration.between(paris("2026-03-27T16:00"), due)).isEqualTo(Duration.ofMinutes(66 * 60 + 30));
        // fall back on Sunday 25 October 2026: Friday 17:00 CEST is 15:00Z, Monday 9:30 CET is 08:30Z
        assertThat(calendar.addBusinessTime(paris("2026-10-23T17:00"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-10-26T08:30:00Z"));
    }

    @Test
    void aPeriodCrossingTheClockChangeCountsRealTime() {
        BusinessCalendar night = new BusinessCalendar(new BusinessHoursProperties("Europe/Paris",
                List.of("SATURDAY", "SUNDAY"), List.of("01:00-04:00"), List.of(), false));
        // 01:00 → 04:00 local on 29 March 2026 lasts 2 real hours (02:00 jumps to 03:00)
        assertThat(night.businessTimeBetween(paris("2026-03-29T00:00"), paris("2026-03-29T06:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(night.businessTimeBetween(paris("2026-03-28T00:00"), paris("2026-03-28T06:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(night.addBusinessTime(paris("2026-03-29T01:30"), Duration.ofHours(1)))
                .isEqualTo(paris("2026-03-29T03:30"));
    }

    @Test
    void businessTimeBetween() {
        assertThat(calendar.businessTimeBetween(paris("2026-03-02T09:00"), paris("2026-03-03T09:00")))
                .isEqualTo(Duration.ofHours(7));
        assertThat(calendar.businessTimeBetween(paris("2026-03-02T12:00"), paris("2026-03-02T14:30")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(calendar.businessTimeBetween(paris("2026-03-03T09:00"), paris("2026-03-02T09:00")))
                .isEqualTo(Duration.ofHours(-7));
        // week of Easter Monday: 4 business days
        assertThat(calendar.businessTimeBetween(paris("2026-04-04T00:00"), paris("2026-04-11T00:00")))
                .isEqualTo(Duration.ofHours(28));
        assertThat(calendar.businessTimeBetween(paris("2026-03-07T10:00"), paris("2026-03-08T18:00")))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void configurableDaysPeriodsAndClosedDates() {
        BusinessCalendar custom = new BusinessCalendar(new BusinessHoursProperties("Europe/Paris",
                List.of("monday", "TUESDAY", "THURSDAY"), List.of("8:30-12:00"), List.of("2026-03-03"), true));
        assertThat(custom.openingHoursText())
                .isEqualTo("le lundi, le mardi et le jeudi, de 8h30 à 12h00, hors jours fériés");
        assertThat(custom.isOpen(paris("2026-03-02T08:45"))).isTrue();
        assertThat(custom.isOpen(paris("2026-03-03T09:00"))).as("closed date").isFalse();
        assertThat(custom.isOpen(paris("2026-03-04T09:00"))).as("Wednesday").isFalse();
        assertThat(custom.nextOpening(paris("2026-03-02T12:00"))).isEqualTo(paris("2026-03-05T08:30"));
    }

    @Test
    void badConfigurationIsRejectedClearly() {
        assertThatThrownBy(() -> new BusinessCalendar(new BusinessHoursProperties("Mars/Olympus", null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zone");
        assertThatThrownBy(() -> new BusinessCalendar(new BusinessHoursProperties(null, List.of("LUNDI"), null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LUNDI");
        assertThatThrownBy(() -> new BusinessCalendar(new BusinessHoursProperties(null, null, List.of("14:00-12:00"), null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periods");
        assertThatThrownBy(() -> new BusinessCalendar(new BusinessHoursProperties(null, null, List.of("09:00-12:00", "11:00-13:00"), null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlapping");
        assertThatThrownBy(() -> new BusinessCalendar(new BusinessHoursProperties(null, null, null, List.of("24/12/2026"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closed-dates");
        assertThatThrownBy(() -> calendar.addBusinessTime(Instant.now(), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
