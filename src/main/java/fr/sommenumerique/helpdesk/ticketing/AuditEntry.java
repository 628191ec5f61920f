package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;

/**
 * One audited change.
 *
 * @param actor    staff username, « assistant », « system » or « contact:&lt;id&gt; »
 * @param action   a stable code such as {@code status.changed}
 * @param details  French, for staff (e.g. « Nouveau → Ouvert »)
 */
public record AuditEntry(long id, Instant at, String actor, String entityType, String entityId, String action,
                         String details) {
}
