package fr.sommenumerique.helpdesk.ticketing;

import java.util.Objects;

/**
 * A message to queue with {@link Outbox#enqueue}. Build with {@link #email}, {@link #telegram} and the
 * {@code with…} methods.
 *
 * @param recipient  e-mail address, or Telegram chat id as a decimal string
 * @param subject    mail subject (null for Telegram)
 * @param messageId  our Message-ID for this mail, without {@code <>} (see {@link Outbox#newMessageId()})
 * @param references References header value (ids separated by spaces, with {@code <>})
 * @param automatic  written by the assistant: sent with {@code Auto-Submitted: auto-replied} and counted by the
 *                   auto-reply limit
 */
public record OutgoingMessage(Channel channel, String recipient, String subject, String textBody, String htmlBody,
                              String messageId, String inReplyTo, String references, boolean automatic,
                              Long ticketId, Long subscriptionId) {

    public OutgoingMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(textBody, "textBody");
    }

    public static OutgoingMessage email(String to, String subject, String textBody) {
        return new OutgoingMessage(Channel.EMAIL, to, subject, textBody, null, null, null, null, false, null, null);
    }

    public static OutgoingMessage telegram(long chatId, String textBody) {
        return new OutgoingMessage(Channel.TELEGRAM, Long.toString(chatId), null, textBody, null, null, null, null, false, null, null);
    }

    public OutgoingMessage withHtml(String htmlBody) {
        return new OutgoingMessage(channel, recipient, subject, textBody, htmlBody, messageId, inReplyTo, references, automatic, ticketId, subscriptionId);
    }

    public OutgoingMessage withThreading(String messageId, String inReplyTo, String references) {
        return new OutgoingMessage(channel, recipient, subject, textBody, htmlBody, messageId, inReplyTo, references, automatic, ticketId, subscriptionId);
    }

    public OutgoingMessage asAutomatic() {
        return new OutgoingMessage(channel, recipient, subject, textBody, htmlBody, messageId, inReplyTo, references, true, ticketId, subscriptionId);
    }

    public OutgoingMessage forTicket(Long ticketId) {
        return new OutgoingMessage(channel, recipient, subject, textBody, htmlBody, messageId, inReplyTo, references, automatic, ticketId, subscriptionId);
    }

    public OutgoingMessage forSubscription(Long subscriptionId) {
        return new OutgoingMessage(channel, recipient, subject, textBody, htmlBody, messageId, inReplyTo, references, automatic, ticketId, subscriptionId);
    }
}
