package fr.sommenumerique.helpdesk.mail.parsing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names that say what a part is, for parts sent without a file name: a delivery report is {@code rapport-remise.txt},
 * an invitation {@code invitation.ics}, an S/MIME signature {@code signature-smime.p7s}. A name given twice in one
 * mail gets a number ({@code image-2.png}) so that staff can tell the files apart.
 */
final class PartNames {

    private static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry("message/delivery-status", "rapport-remise.txt"),
            Map.entry("message/global-delivery-status", "rapport-remise.txt"),
            Map.entry("message/disposition-notification", "accuse-lecture.txt"),
            Map.entry("message/global-disposition-notification", "accuse-lecture.txt"),
            Map.entry("text/rfc822-headers", "en-tetes-message-original.txt"),
            Map.entry("message/global-headers", "en-tetes-message-original.txt"),
            Map.entry("application/pkcs7-signature", "signature-smime.p7s"),
            Map.entry("application/x-pkcs7-signature", "signature-smime.p7s"),
            Map.entry("application/pkcs7-mime", "message-smime.p7m"),
            Map.entry("application/x-pkcs7-mime", "message-smime.p7m"),
            Map.entry("application/pgp-signature", "signature-pgp.asc"),
            Map.entry("application/pgp-encrypted", "chiffrement-pgp.asc"),
            Map.entry("application/ms-tnef", "winmail.dat"),
            Map.entry("application/vnd.ms-tnef", "winmail.dat"),
            Map.entry("text/vcard", "contact.vcf"),
            Map.entry("text/x-vcard", "contact.vcf"),
            Map.entry("text/plain", "texte.txt"),
            Map.entry("text/html", "page.html"),
            Map.entry("text/csv", "tableau.csv"),
            Map.entry("application/pdf", "document.pdf"),
            Map.entry("application/zip", "archive.zip"),
            Map.entry("application/msword", "document.doc"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document.docx"),
            Map.entry("application/vnd.ms-excel", "tableur.xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "tableur.xlsx"),
            Map.entry("application/vnd.oasis.opendocument.text", "document.odt"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "tableur.ods"),
            Map.entry("application/xml", "donnees.xml"),
            Map.entry("text/xml", "donnees.xml"),
            Map.entry("application/json", "donnees.json"),
            Map.entry("image/png", "image.png"),
            Map.entry("image/jpeg", "image.jpg"),
            Map.entry("image/jpg", "image.jpg"),
            Map.entry("image/pjpeg", "image.jpg"),
            Map.entry("image/gif", "image.gif"),
            Map.entry("image/bmp", "image.bmp"),
            Map.entry("image/webp", "image.webp"),
            Map.entry("image/heic", "image.heic"),
            Map.entry("image/tiff", "image.tif"),
            Map.entry("audio/mpeg", "audio.mp3"),
            Map.entry("video/mp4", "video.mp4"));

    private final Map<String, Integer> used = new HashMap<>();

    /** A name for a part without one: from its type (and for calendars its method). */
    String forUnnamed(String contentType, CalendarEvent calendar) {
        String base;
        if (contentType.equals("text/calendar") || contentType.equals("application/ics")) {
            base = calendar == null ? "evenement.ics" : calendar.isReply() ? "reponse-invitation.ics"
                    : calendar.isCancellation() ? "annulation-invitation.ics" : "invitation.ics";
        } else {
            base = BY_TYPE.getOrDefault(contentType, byPrimaryType(contentType));
        }
        return unique(base);
    }

    /** Remembers a name the sender gave, so that a generated one never repeats it. */
    void given(String name) {
        used.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
    }

    private String unique(String base) {
        int n = used.merge(base.toLowerCase(Locale.ROOT), 1, Integer::sum);
        if (n == 1) {
            return base;
        }
        int dot = base.lastIndexOf('.');
        return dot < 0 ? base + "-" + n : base.substring(0, dot) + "-" + n + base.substring(dot);
    }

    private static String byPrimaryType(String contentType) {
        String primary = contentType.contains("/") ? contentType.substring(0, contentType.indexOf('/')) : contentType;
        return switch (primary) {
            case "image" -> "image.bin";
            case "audio" -> "audio.bin";
            case "video" -> "video.bin";
            case "text" -> "texte.txt";
            case "message" -> "message.txt";
            default -> "fichier.bin";
        };
    }
}
