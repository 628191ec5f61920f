package fr.sommenumerique.helpdesk.ticketing;

import java.util.Objects;

/**
 * A file received with or sent in a message.
 *
 * @param contentId the MIME Content-ID (without {@code <>}) for inline images, else null
 * @param inline    shown inside the HTML body rather than as a separate file
 */
public record NewAttachment(String filename, String contentType, byte[] data, String contentId, boolean inline) {

    public NewAttachment {
        Objects.requireNonNull(data, "data");
        filename = filename == null || filename.isBlank() ? "piece-jointe" : filename.strip();
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
    }

    public static NewAttachment of(String filename, String contentType, byte[] data) {
        return new NewAttachment(filename, contentType, data, null, false);
    }
}
