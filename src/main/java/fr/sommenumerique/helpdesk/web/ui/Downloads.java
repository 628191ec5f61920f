package fr.sommenumerique.helpdesk.web.ui;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Files received from outside, served so that the browser never renders them in our origin: always as a download
 * ({@code Content-Disposition: attachment}), with the declared type only for harmless ones.
 */
public final class Downloads {

    private static final Set<String> KEPT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "text/plain", "text/csv", "application/zip", "message/rfc822",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/msword", "application/vnd.ms-excel");

    private Downloads() {
    }

    public static ResponseEntity<byte[]> attachment(String filename, String contentType, byte[] data) {
        String name = filename == null || filename.isBlank() ? "piece-jointe" : filename.replaceAll("[\\r\\n\"\\\\/]", "_");
        MediaType type = MediaType.APPLICATION_OCTET_STREAM;
        if (contentType != null) {
            try {
                MediaType declared = MediaType.parseMediaType(contentType);
                if (KEPT_TYPES.contains(declared.getType() + "/" + declared.getSubtype())) {
                    type = new MediaType(declared.getType(), declared.getSubtype());
                }
            } catch (IllegalArgumentException ignored) {
                // unparseable type: served as bytes
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(type)
                .contentLength(data.length)
                .body(data);
    }
}
