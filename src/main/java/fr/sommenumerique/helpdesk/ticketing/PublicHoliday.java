package fr.sommenumerique.helpdesk.ticketing;

import java.time.LocalDate;

/** A French public holiday (« jour férié »), with its French name. */
public record PublicHoliday(LocalDate date, String name) {
}
