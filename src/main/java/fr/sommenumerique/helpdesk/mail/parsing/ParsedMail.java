package fr.sommenumerique.helpdesk.mail.parsing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything the helpdesk needs from one received email, decoded. Immutable.
 *
 * @param messageId       Message-ID without angle brackets, or null
 * @param inReplyTo       first In-Reply-To id without brackets, or null
 * @param references      References ids without brackets, in order
 * @param from            first From address, or null
 * @param sender          Sender address, or null
 * @param replyTo         Reply-To addresses
 * @param to              To addresses
 * @param cc              Cc addresses
 * @param subject         decoded subject (never null, may be empty)
 * @param date            Date header, or null when absent or unparseable
 * @param headers         all top-level headers, decoded, case-insensitive lookup
 * @param textBody        plain text body; from the HTML when the mail is HTML only
 * @param htmlBody        raw HTML body, or null
 * @param sanitizedHtml   HTML safe to display (see {@link HtmlSanitizer}), or null
 * @param strippedText    the new text only: quotes, reply headers, forwarded block and signature removed
 * @param signature       the signature block removed from the new text (may be empty)
 * @param quotedText      the quoted history removed from the text (may be empty)
 * @param forwarded       true when the mail forwards another one (subject prefix, forward block, attached message)
 * @param forwardedFrom   original sender of the forwarded mail when detectable, or null
 * @param forwardedText   the forwarded content (headers and text of the forwarded mail), may be empty
 * @param attachments     attachments and inline parts (cid images), attached messages as message/rfc822
 * @param attachedMessages attached messages (message/rfc822 parts), parsed
 * @param parts           every decoded leaf part of the MIME tree, in order
 * @param contentHash     SHA-256 (hex) over normalized from + date + textBody, for de-duplication
 * @param warnings        French notes on what had to be repaired (unknown charset, junk header lines...)
 * @param calendar        the event of the mail's calendar part (invitation, cancellation, answer), or null
 */
public record ParsedMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        MailAddress from,
        MailAddress sender,
        List<MailAddress> replyTo,
        List<MailAddress> to,
        List<MailAddress> cc,
        String subject,
        OffsetDateTime date,
        MailHeaders headers,
        String textBody,
        String htmlBody,
        String sanitizedHtml,
        String strippedText,
        String signature,
        String quotedText,
        boolean forwarded,
        MailAddress forwardedFrom,
        String forwardedText,
        List<MailAttachment> attachments,
        List<ParsedMail> attachedMessages,
        List<MailPart> parts,
        String contentHash,
        List<String> warnings,
        CalendarEvent calendar) {

    public ParsedMail {
        references = List.copyOf(references);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        attachedMessages = List.copyOf(attachedMessages);
        parts = List.copyOf(parts);
        warnings = List.copyOf(warnings);
        subject = subject == null ? "" : subject;
        textBody = textBody == null ? "" : textBody;
        strippedText = strippedText == null ? "" : strippedText;
        signature = signature == null ? "" : signature;
        quotedText = quotedText == null ? "" : quotedText;
        forwardedText = forwardedText == null ? "" : forwardedText;
    }

    /** The address to answer to: first Reply-To, else From. */
    public MailAddress replyAddress() {
        return replyTo.isEmpty() ? from : replyTo.get(0);
    }

    /** Inline parts referenced by Content-ID (for cid: images in {@link #sanitizedHtml()}). */
    public List<MailAttachment> inlineAttachments() {
        return attachments.stream().filter(MailAttachment::inline).toList();
    }

    @Override
    public String toString() {
        return "ParsedMail[id=" + messageId + ", from=" + from + ", subject=" + subject + ", date=" + date
                + ", attachments=" + attachments.size() + "]";
    }
}
