package fr.sommenumerique.helpdesk.mail.parsing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;

/**
 * Outlook's {@code winmail.dat} (TNEF, {@code application/ms-tnef}) opened with Apache POI's HMEF: the files it
 * carries become ordinary attachments. When it cannot be read, or carries no file (only Outlook's rich text), the
 * caller keeps {@code winmail.dat} as it came.
 */
final class TnefAttachments {

    /** A file found in the TNEF container. */
    record File(String filename, String contentType, byte[] bytes) {
    }

    private TnefAttachments() {
    }

    static boolean isTnef(String contentType, String filename) {
        return contentType.equals("application/ms-tnef") || contentType.equals("application/vnd.ms-tnef")
                || (filename != null && filename.equalsIgnoreCase("winmail.dat"));
    }

    /** The files inside, or an empty list when there are none or the container is unreadable. */
    static List<File> files(byte[] tnef) {
        List<File> files = new ArrayList<>();
        try {
            HMEFMessage message = new HMEFMessage(new ByteArrayInputStream(tnef));
            for (Attachment a : message.getAttachments()) {
                byte[] bytes = a.getContents();
                String name = a.getLongFilename() != null && !a.getLongFilename().isBlank() ? a.getLongFilename()
                        : a.getFilename();
                if (name == null || name.isBlank()) {
                    name = "piece-jointe-" + (files.size() + 1) + ".bin";
                }
                files.add(new File(name.strip(), typeOf(name), bytes));
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // not TNEF after all, truncated or corrupt (or a part of POI left out of the build): kept as it came
            return List.of();
        }
        return files;
    }

    private static String typeOf(String filename) {
        String guessed = URLConnection.guessContentTypeFromName(filename.toLowerCase(Locale.ROOT));
        return guessed == null ? "application/octet-stream" : guessed;
    }
}
