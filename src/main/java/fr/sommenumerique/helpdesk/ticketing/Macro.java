package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;

/**
 * A canned reply staff insert into a reply. The body may hold placeholders filled for the ticket at hand:
 * {@code {contact}}, {@code {commune}}, {@code {agent}}, {@code {reference}}.
 */
public record Macro(long id, String title, String body, String updatedBy, Instant updatedAt) {
}
