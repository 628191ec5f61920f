package fr.sommenumerique.helpdesk.conversation;

import fr.sommenumerique.helpdesk.ticketing.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One message as it arrived on a channel, in the single form every channel produces. Build it with
 * {@link #email} or {@link #telegram} and the {@code with…} methods.
 *
 * @param dedupeKey        unique per channel for this message: delivered again, it is recognised and skipped
 * @param senderAddress    the e-mail address (e-mail only)
 * @param telegramChatId   the chat (Telegram only)
 * @param subject          the subject without reply/forward prefixes, if the channel has one
 * @param text             what the person wrote this time: quotes, signature and a forwarded message removed
 * @param signature        the signature block, used with the text to recognise the commune
 * @param fullText         the whole text, shown to staff (quotes included)
 * @param sanitizedHtml    the HTML body made safe for display, if any
 * @param ticketReference  a reference found in the subject: a ticket's (MC-2026-00042), else a subscription
 *                         request's (DA-2026-00007)
 * @param externalRef      the channel's own id of this message (Telegram chat:message), to apply later edits
 * @param automation       whether a machine sent it, and which kind
 * @param failedRecipients for a bounce, the addresses that could not be delivered
 * @param forwardedText    a message the person passed on (e-mail forward): read by the assistant as context, never
 *                         used to tell who wrote or for which commune
 * @param automationNote   for a machine report (read receipt, delivery report, answer to an invitation), what it says,
 *                         in French, for the note staff will read
 * @param handover         set when the channel saw something only a person can deal with (an invitation to an
 *                         event): the assistant is not asked, nothing is answered automatically, and this French note
 *                         goes on the ticket
 */
public record InboundMessage(
        Channel channel,
        String dedupeKey,
        String senderAddress,
        Long telegramChatId,
        String senderName,
        String subject,
        String text,
        String signature,
        String fullText,
        String sanitizedHtml,
        String messageId,
        String inReplyTo,
        List<String> references,
        String ticketReference,
        String externalRef,
        String contentHash,
        Instant receivedAt,
        List<InboundAttachment> attachments,
        Automation automation,
        String automationReason,
        List<String> failedRecipients,
        String forwardedText,
        String automationNote,
        String handover) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        text = text == null ? "" : text;
        fullText = fullText == null ? text : fullText;
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        failedRecipients = failedRecipients == null ? List.of() : List.copyOf(failedRecipients);
        automation = automation == null ? Automation.NONE : automation;
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
        forwardedText = forwardedText == null ? "" : forwardedText;
    }

    public static InboundMessage email(String dedupeKey, String senderAddress, String senderName, String subject,
                                       String text) {
        return new InboundMessage(Channel.EMAIL, dedupeKey, senderAddress, null, senderName, subject, text, null, text,
                null, null, null, List.of(), null, null, null, null, List.of(), Automation.NONE, null, List.of(), null,
                null, null);
    }

    public static InboundMessage telegram(String dedupeKey, long chatId, String senderName, String text) {
        return new InboundMessage(Channel.TELEGRAM, dedupeKey, null, chatId, senderName, null, text, null, text, null,
                null, null, List.of(), null, null, null, null, List.of(), Automation.NONE, null, List.of(), null, null,
                null);
    }

    public InboundMessage withBody(String newText, String newSignature, String newFullText, String newSanitizedHtml) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, newText,
                newSignature, newFullText, newSanitizedHtml, messageId, inReplyTo, references, ticketReference,
                externalRef, contentHash, receivedAt, attachments, automation, automationReason, failedRecipients,
                forwardedText, automationNote, handover);
    }

    public InboundMessage withThreading(String newMessageId, String newInReplyTo, List<String> newReferences,
                                        String newTicketReference) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, text,
                signature, fullText, sanitizedHtml, newMessageId, newInReplyTo, newReferences, newTicketReference,
                externalRef, contentHash, receivedAt, attachments, automation, automationReason, failedRecipients,
                forwardedText, automationNote, handover);
    }

    public InboundMessage withOrigin(String newExternalRef, String newContentHash, Instant newReceivedAt) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, text,
                signature, fullText, sanitizedHtml, messageId, inReplyTo, references, ticketReference,
                newExternalRef, newContentHash, newReceivedAt, attachments, automation, automationReason,
                failedRecipients, forwardedText, automationNote, handover);
    }

    public InboundMessage withAttachments(List<InboundAttachment> newAttachments) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, text,
                signature, fullText, sanitizedHtml, messageId, inReplyTo, references, ticketReference, externalRef,
                contentHash, receivedAt, newAttachments, automation, automationReason, failedRecipients,
                forwardedText, automationNote, handover);
    }

    public InboundMessage withAutomation(Automation newAutomation, String reason, List<String> newFailedRecipients) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, text,
                signature, fullText, sanitizedHtml, messageId, inReplyTo, references, ticketReference, externalRef,
                contentHash, receivedAt, attachments, newAutomation, reason, newFailedRecipients,
                forwardedText, automationNote, handover);
    }

    /** Adds a forwarded message, read by the assistant with the text. */
    public InboundMessage withForwarded(String newForwardedText) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, text,
                signature, fullText, sanitizedHtml, messageId, inReplyTo, references, ticketReference, externalRef,
                contentHash, receivedAt, attachments, automation, automationReason, failedRecipients, newForwardedText,
                automationNote, handover);
    }

    /** What a machine report says, for staff. */
    public InboundMessage withAutomationNote(String note) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, text,
                signature, fullText, sanitizedHtml, messageId, inReplyTo, references, ticketReference, externalRef,
                contentHash, receivedAt, attachments, automation, automationReason, failedRecipients, forwardedText,
                note, handover);
    }

    /** Hands the message to staff with this note, without the assistant and without automatic answer. */
    public InboundMessage withHandover(String note) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, text,
                signature, fullText, sanitizedHtml, messageId, inReplyTo, references, ticketReference, externalRef,
                contentHash, receivedAt, attachments, automation, automationReason, failedRecipients, forwardedText,
                automationNote, note);
    }

    /** What the assistant reads: the text, then the message it forwards if any. */
    public String readText() {
        return forwardedText.isBlank() ? text : (text + "\n\n" + forwardedText).strip();
    }

    /** The message-ids this one answers, nearest first: In-Reply-To, then References from the newest. */
    public List<String> threadIds() {
        List<String> ids = new ArrayList<>();
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            ids.add(inReplyTo);
        }
        for (int i = references.size() - 1; i >= 0; i--) {
            if (!ids.contains(references.get(i))) {
                ids.add(references.get(i));
            }
        }
        return ids;
    }
}
