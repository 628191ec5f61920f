package fr.sommenumerique.helpdesk.conversation;

/** A file that came with a message: an attachment, an inline image or a chat photo or document. */
public record InboundAttachment(String filename, String contentType, byte[] data, String contentId, boolean inline) {
}
