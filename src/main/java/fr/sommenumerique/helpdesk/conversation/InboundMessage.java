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
 * @param text             what the person wrote this time: quotes and signature removed; what the assistant reads
 * @param signature        the signature block, used to recognise the commune
 * @param fullText         the whole text, shown to staff (quotes included)
 * @param sanitizedHtml    the HTML body made safe for display, if any
 * @param ticketReference  a reference found in the subject: a ticket's (MC-2026-00042), else a subscription
 *                         request's (DA-2026-00007)
 * @param externalRef      the channel's own id of this message (Telegram chat:message), to apply later edits
 * @param automation       whether a machine sent it, and which kind
 * @param failedRecipients for a bounce, the addresses that could not be delivered
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
        List<String> failedRecipients) {

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
    }

    public static InboundMessage email(String dedupeKey, String senderAddress, String senderName, String subject,
                                       String text) {
        return new InboundMessage(Channel.EMAIL, dedupeKey, senderAddress, null, senderName, subject, text, null, text,
                null, null, null, List.of(), null, null, null, null, List.of(), Automation.NONE, null, List.of());
    }

    public static InboundMessage telegram(String dedupeKey, long chatId, String senderName, String text) {
        return new InboundMessage(Channel.TELEGRAM, dedupeKey, null, chatId, senderName, null, text, null, text, null,
                null, null, List.of(), null, null, null, null, List.of(), Automation.NONE, null, List.of());
    }

    public InboundMessage withBody(String newText, String newSignature, String newFullText, String newSanitizedHtml) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, newText,
                newSignature, newFullText, newSanitizedHtml, messageId, inReplyTo, references, ticketReference,
                externalRef, contentHash, receivedAt, attachments, automation, automationReason, failedRecipients);
    }

    public InboundMessage withThreading(String newMessageId, String newInReplyTo, List<String> newReferences,
                                        String newTicketReference) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, text,
                signature, fullText, sanitizedHtml, newMessageId, newInReplyTo, newReferences, newTicketReference,
                externalRef, contentHash, receivedAt, attachments, automation, automationReason, failedRecipients);
    }

    public InboundMessage withOrigin(String newExternalRef, String newContentHash, Instant newReceivedAt) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, text,
                signature, fullText, sanitizedHtml, messageId, inReplyTo, references, ticketReference,
                newExternalRef, newContentHash, newReceivedAt, attachments, automation, automationReason,
                failedRecipients);
    }

    public InboundMessage withAttachments(List<InboundAttachment> newAttachments) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, text,
                signature, fullText, sanitizedHtml, messageId, inReplyTo, references, ticketReference, externalRef,
                contentHash, receivedAt, newAttachments, automation, automationReason, failedRecipients);
    }

    public InboundMessage withAutomation(Automation newAutomation, String reason, List<String> newFailedRecipients) {
        return new InboundMessage(channel, dedupeKey, senderAddress, telegramChatId, senderName, subject, text,
                signature, fullText, sanitizedHtml, messageId, inReplyTo, references, ticketReference, externalRef,
                contentHash, receivedAt, attachments, newAutomation, reason, newFailedRecipients);
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
