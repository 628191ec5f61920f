package fr.sommenumerique.helpdesk.ticketing;

/** Metadata of a stored attachment (bytes via {@link Tickets#attachment}). */
public record AttachmentInfo(long id, long messageId, String filename, String contentType, long size,
                             String contentId, boolean inline) {
}
