package fr.sommenumerique.helpdesk.mail.parsing;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the machine-readable parts of reports: delivery status notifications (RFC 3464, {@code message/delivery-status})
 * and message disposition notifications, i.e. read receipts (RFC 8098, {@code message/disposition-notification}).
 */
final class MachineReports {

    /**
     * One recipient block of a delivery status notification.
     *
     * @param recipient  Final-Recipient (else Original-Recipient), lower-cased, or empty
     * @param action     failed, delayed, delivered, relayed, expanded (lower case)
     * @param status     e.g. {@code 4.4.7}, or empty
     * @param diagnostic Diagnostic-Code without its type, or empty
     * @param retryUntil Will-Retry-Until as written, or empty
     */
    record RecipientStatus(String recipient, String action, String status, String diagnostic, String retryUntil) {
    }

    /**
     * A read receipt.
     *
     * @param disposition       displayed, deleted, dispatched, processed… (lower case), or empty
     * @param reader            Final-Recipient, or empty
     * @param originalMessageId Original-Message-ID without brackets, or null
     */
    record ReadReceipt(String disposition, String reader, String originalMessageId) {
    }

    private static final Pattern FIELD = Pattern.compile("(?m)^([A-Za-z-]+)[ \\t]*:[ \\t]*(.*)$");
    private static final Pattern ADDRESS = Pattern.compile("(?:[^;\\n]*;)?\\s*<?([^\\s<>;]+@[^\\s<>;]+?)>?\\s*$");
    static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRANCE);

    private MachineReports() {
    }

    static boolean isReadReceipt(ParsedMail mail) {
        return reportType(mail).equals("disposition-notification")
                || mail.parts().stream().anyMatch(p -> p.contentType().endsWith("disposition-notification"));
    }

    static boolean isDeliveryReport(ParsedMail mail) {
        return reportType(mail).equals("delivery-status")
                || mail.parts().stream().anyMatch(p -> p.contentType().endsWith("delivery-status"));
    }

    private static String reportType(ParsedMail mail) {
        String ct = mail.headers().first("Content-Type").orElse("").toLowerCase(Locale.ROOT).replace("\"", "");
        Matcher m = Pattern.compile("report-type\\s*=\\s*([a-z-]+)").matcher(ct);
        return ct.startsWith("multipart/report") && m.find() ? m.group(1) : "";
    }

    static ReadReceipt readReceipt(ParsedMail mail) {
        for (MailPart p : mail.parts()) {
            if (p.contentType().endsWith("disposition-notification")) {
                Map<String, String> fields = fields(text(p));
                String disposition = fields.getOrDefault("disposition", "");
                disposition = disposition.contains(";") ? disposition.substring(disposition.indexOf(';') + 1) : disposition;
                disposition = disposition.strip().split("[\\s/]", 2)[0].toLowerCase(Locale.ROOT);
                return new ReadReceipt(disposition, address(fields.getOrDefault("final-recipient", "")),
                        MailParser.messageId(fields.get("original-message-id")));
            }
        }
        return new ReadReceipt("", "", null);
    }

    /** Per-recipient blocks of every delivery-status part. */
    static List<RecipientStatus> deliveryStatuses(ParsedMail mail) {
        List<RecipientStatus> out = new ArrayList<>();
        for (MailPart p : mail.parts()) {
            if (!p.contentType().endsWith("delivery-status")) {
                continue;
            }
            // blocks are separated by blank lines; the first one is per-message and has no Action
            for (String block : text(p).replace("\r\n", "\n").split("\\n\\s*\\n")) {
                Map<String, String> fields = fields(block);
                String action = fields.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT);
                if (action.isEmpty()) {
                    continue;
                }
                String recipient = address(fields.getOrDefault("final-recipient", fields.getOrDefault("original-recipient", "")));
                String diagnostic = fields.getOrDefault("diagnostic-code", "");
                diagnostic = diagnostic.contains(";") ? diagnostic.substring(diagnostic.indexOf(';') + 1) : diagnostic;
                out.add(new RecipientStatus(recipient, action.split("\\s", 2)[0],
                        fields.getOrDefault("status", "").strip().split("\\s", 2)[0], diagnostic.strip(),
                        fields.getOrDefault("will-retry-until", "").strip()));
            }
        }
        return out;
    }

    /** The Message-ID of the message a report returns (its headers or the whole message), or null. */
    static String returnedMessageId(ParsedMail mail) {
        for (MailPart p : mail.parts()) {
            if (p.contentType().equals("text/rfc822-headers") || p.contentType().equals("message/global-headers")) {
                String id = fields(text(p)).get("message-id");
                if (id != null) {
                    return MailParser.messageId(id);
                }
            }
        }
        return mail.attachedMessages().stream().map(ParsedMail::messageId).filter(id -> id != null).findFirst().orElse(null);
    }

    static String frenchDateTime(OffsetDateTime date) {
        return FRENCH_DATE_TIME.format(date.atZoneSameInstant(CalendarReader.FRANCE));
    }

    /** Header-like fields of a report block (continuation lines unfolded, names lower-cased, first value kept). */
    private static Map<String, String> fields(String block) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(block.replace("\r\n", "\n").replaceAll("\\n[ \\t]+", " "));
        while (m.find()) {
            fields.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
        }
        return fields;
    }

    private static String address(String field) {
        Matcher m = ADDRESS.matcher(field.strip());
        return m.find() ? Normalizer.normalize(m.group(1), Normalizer.Form.NFC).toLowerCase(Locale.ROOT) : "";
    }

    private static String text(MailPart p) {
        return p.text() != null ? p.text() : new String(p.bytes(), StandardCharsets.UTF_8);
    }
}
