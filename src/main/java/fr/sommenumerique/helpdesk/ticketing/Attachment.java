package fr.sommenumerique.helpdesk.ticketing;

/** A stored attachment with its bytes. */
public record Attachment(AttachmentInfo info, byte[] data) {
}
