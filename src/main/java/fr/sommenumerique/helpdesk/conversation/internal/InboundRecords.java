package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.knowledge.TextCut;
import fr.sommenumerique.helpdesk.ticketing.NewAttachment;
import fr.sommenumerique.helpdesk.ticketing.NewMessage;

import java.util.List;

/** How an inbound message is written on a ticket: the message itself, a subject, a one-line summary for notes. */
public final class InboundRecords {

    private static final int SUBJECT_FROM_TEXT = 80;
    private static final int SUMMARY = 300;

    private InboundRecords() {
    }

    public static NewMessage of(InboundMessage message) {
        NewMessage record = NewMessage.of(message.channel(), message.fullText())
                .withHtml(message.sanitizedHtml())
                .withEmailIds(message.messageId(), message.inReplyTo())
                .withExternalRef(message.externalRef());
        List<NewAttachment> attachments = attachmentsOf(message);
        return attachments.isEmpty() ? record : record.withAttachments(attachments);
    }

    /** The message's files as they are stored on a ticket. */
    public static List<NewAttachment> attachmentsOf(InboundMessage message) {
        return message.attachments().stream()
                .map(a -> new NewAttachment(a.filename(), a.contentType(), a.data(), a.contentId(), a.inline()))
                .toList();
    }

    /** The mail subject, else the start of the text. */
    public static String subjectOf(InboundMessage message) {
        if (message.subject() != null && !message.subject().isBlank()) {
            return message.subject().strip();
        }
        String text = TextCut.oneLine(message.readText().isBlank() ? message.fullText() : message.readText(),
                SUBJECT_FROM_TEXT);
        return text.isEmpty() ? "(sans objet)" : text;
    }

    public static String summary(InboundMessage message) {
        return TextCut.cut((message.subject() == null ? "" : message.subject() + " — ") + message.readText().strip(), SUMMARY);
    }
}
