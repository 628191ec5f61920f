package fr.sommenumerique.helpdesk.ticketing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file received with or sent in a message. Its name loses control and invisible formatting characters, among
 * them the bidirectional overrides (U+202E « right-to-left override »…) that make {@code facture<U+202E>fdp.exe}
 * display as {@code factureexe.pdf}.
 *
 * @param contentId the MIME Content-ID (without {@code <>}) for inline images, else null
 * @param inline    shown inside the HTML body rather than as a separate file
 */
public record NewAttachment(String filename, String contentType, byte[] data, String contentId, boolean inline) {

    /** Control characters and format characters (bidirectional controls, zero-width characters). */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    public NewAttachment {
        Objects.requireNonNull(data, "data");
        filename = filename == null ? "" : INVISIBLE.matcher(filename).replaceAll("").strip();
        filename = filename.isEmpty() ? "piece-jointe" : filename;
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
    }

    public static NewAttachment of(String filename, String contentType, byte[] data) {
        return new NewAttachment(filename, contentType, data, null, false);
    }
}
