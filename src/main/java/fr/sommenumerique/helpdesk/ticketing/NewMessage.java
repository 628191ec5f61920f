package fr.sommenumerique.helpdesk.ticketing;

import java.util.List;
import java.util.Objects;

/**
 * A message to add to a ticket. Build with {@link #of} and the {@code with…} methods.
 *
 * @param text           plain text (required; "" allowed)
 * @param html           sanitized HTML, or null; the caller sanitizes
 * @param emailMessageId Message-ID header, with or without {@code <>} (stored without); unique
 * @param inReplyTo      In-Reply-To header, with or without {@code <>}
 * @param externalRef    channel reference, e.g. Telegram "chatId:messageId"; unique, used for edits
 * @param automatic      written by the assistant or another automaton (does not count as a first response)
 */
public record NewMessage(Channel channel, String text, String html, String emailMessageId, String inReplyTo,
                         String externalRef, boolean automatic, List<NewAttachment> attachments) {

    public NewMessage {
        Objects.requireNonNull(channel, "channel");
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static NewMessage of(Channel channel, String text) {
        return new NewMessage(channel, text, null, null, null, null, false, List.of());
    }

    public NewMessage withHtml(String html) {
        return new NewMessage(channel, text, html, emailMessageId, inReplyTo, externalRef, automatic, attachments);
    }

    public NewMessage withEmailIds(String messageId, String inReplyTo) {
        return new NewMessage(channel, text, html, messageId, inReplyTo, externalRef, automatic, attachments);
    }

    public NewMessage withExternalRef(String externalRef) {
        return new NewMessage(channel, text, html, emailMessageId, inReplyTo, externalRef, automatic, attachments);
    }

    public NewMessage withAttachments(List<NewAttachment> attachments) {
        return new NewMessage(channel, text, html, emailMessageId, inReplyTo, externalRef, automatic, attachments);
    }

    public NewMessage asAutomatic() {
        return new NewMessage(channel, text, html, emailMessageId, inReplyTo, externalRef, true, attachments);
    }
}
