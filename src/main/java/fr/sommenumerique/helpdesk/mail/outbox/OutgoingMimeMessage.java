package fr.sommenumerique.helpdesk.mail.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A MIME message that keeps the Message-ID we chose (Jakarta Mail would replace it when saving). */
final class OutgoingMimeMessage extends MimeMessage {

    private final String messageId;

    OutgoingMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        if (messageId == null) {
            super.updateMessageID();
        } else {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
