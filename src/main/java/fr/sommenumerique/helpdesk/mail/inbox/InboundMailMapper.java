package fr.sommenumerique.helpdesk.mail.inbox;

import fr.sommenumerique.helpdesk.conversation.Automation;
import fr.sommenumerique.helpdesk.conversation.InboundAttachment;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.mail.parsing.CalendarEvent;
import fr.sommenumerique.helpdesk.mail.parsing.MachineMailVerdict;
import fr.sommenumerique.helpdesk.mail.parsing.MailAttachment;
import fr.sommenumerique.helpdesk.mail.parsing.MailAddress;
import fr.sommenumerique.helpdesk.mail.parsing.ParsedMail;
import fr.sommenumerique.helpdesk.mail.parsing.SubjectNormalizer;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.InboundRecord;
import fr.sommenumerique.helpdesk.ticketing.ProcessedInbound;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A parsed e-mail in the form every channel hands to the conversation layer. */
public final class InboundMailMapper {

    private final ProcessedInbound processed;

    public InboundMailMapper(ProcessedInbound processed) {
        this.processed = processed;
    }

    public InboundMessage map(ParsedMail mail, MachineMailVerdict verdict) {
        return map(mail, verdict, dedupeKey(mail));
    }

    /**
     * The message as {@link #map} gives it, but for its key, left unknown: what can be worked out before its
     * transaction (which key it gets depends on what the database holds then).
     */
    public InboundMessage preview(ParsedMail mail, MachineMailVerdict verdict) {
        return map(mail, verdict, "preview");
    }

    private InboundMessage map(ParsedMail mail, MachineMailVerdict verdict, String dedupeKey) {
        MailAddress from = mail.from() != null ? mail.from() : mail.sender();
        String text = mail.strippedText() == null ? "" : mail.strippedText();
        String subject = mail.subject() == null ? null : SubjectNormalizer.normalize(mail.subject());
        Instant receivedAt = mail.date() == null ? Instant.now() : mail.date().toInstant();
        return InboundMessage.email(dedupeKey, from == null ? null : from.normalizedAddress(),
                        from == null ? null : from.displayName(), subject, text)
                .withBody(text, mail.signature(), mail.textBody(), mail.sanitizedHtml())
                // a forwarded message is usually the question itself, with a line from the person who forwards it
                .withForwarded(mail.forwarded() ? mail.forwardedText() : null)
                .withThreading(mail.messageId(), mail.inReplyTo(), references(mail, verdict),
                        mail.subject() == null ? null : SubjectNormalizer.ticketReference(mail.subject())
                                .or(() -> SubjectNormalizer.subscriptionReference(mail.subject())).orElse(null))
                .withOrigin(null, mail.contentHash(), receivedAt)
                .withAttachments(mail.attachments().stream()
                        .map(a -> new InboundAttachment(a.filename(), a.contentType(), a.bytes(), a.contentId(), a.inline()))
                        .toList())
                .withAutomation(automation(verdict), verdict.isHuman() ? null : verdict.reason(),
                        verdict.failedRecipients())
                .withAutomationNote(verdict.note())
                .withHandover(verdict.isHuman() ? invitation(mail.calendar(), mail.attachments()) : null);
    }

    /** An invitation (or its cancellation) is for a person to accept or decline: the note staff get, or null. */
    static String invitation(CalendarEvent event, List<MailAttachment> attachments) {
        if (event == null || !(event.isInvitation() || event.isCancellation())) {
            return null;
        }
        String file = attachments.stream().map(MailAttachment::filename).filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".ics"))
                .findFirst().map(n -> "Le fichier « " + n + " » est joint au message. ").orElse("");
        return (event.isCancellation() ? "Annulation d'un événement reçue :\n" : "Invitation à un événement reçue :\n")
                + event.summary() + "\n" + file + "Aucune réponse automatique n'a été envoyée : "
                + (event.isCancellation() ? "à retirer de l'agenda de l'équipe." : "à accepter ou refuser depuis l'agenda de l'équipe.");
    }

    /**
     * The Message-ID when there is one; the content hash when there is none, or when the same Message-ID already
     * came with different content (some clients and gateways reuse them).
     */
    String dedupeKey(ParsedMail mail) {
        if (mail.messageId() == null || mail.messageId().isBlank()) {
            return "hash:" + mail.contentHash();
        }
        String key = "mid:" + mail.messageId();
        Optional<InboundRecord> earlier = processed.find(Channel.EMAIL, key);
        if (earlier.isPresent() && earlier.get().contentHash() != null
                && !earlier.get().contentHash().equals(mail.contentHash())) {
            return key + "#" + mail.contentHash();
        }
        return key;
    }

    /** A report names the message it is about (Original-Message-ID, returned headers): it threads like a reference. */
    private static List<String> references(ParsedMail mail, MachineMailVerdict verdict) {
        if (verdict.reportedMessageId() == null || mail.references().contains(verdict.reportedMessageId())) {
            return mail.references();
        }
        List<String> references = new java.util.ArrayList<>(mail.references());
        references.add(verdict.reportedMessageId());
        return references;
    }

    private static Automation automation(MachineMailVerdict verdict) {
        if (!verdict.isHuman() && verdict.bySubjectOnly()) {
            return Automation.LIKELY_AUTO_REPLY;
        }
        return switch (verdict.kind()) {
            case HUMAN -> Automation.NONE;
            case AUTO_REPLY -> Automation.AUTO_REPLY;
            case READ_RECEIPT -> Automation.READ_RECEIPT;
            case DELIVERY_REPORT -> Automation.DELIVERY_REPORT;
            case CALENDAR_REPLY -> Automation.CALENDAR_REPLY;
            case AUTO_NOTICE -> Automation.AUTO_NOTICE;
            case OUT_OF_OFFICE -> Automation.OUT_OF_OFFICE;
            case BOUNCE -> Automation.BOUNCE;
            case MAILING_LIST -> Automation.MAILING_LIST;
            case OWN_MAIL -> Automation.OWN_MAIL;
        };
    }

}
