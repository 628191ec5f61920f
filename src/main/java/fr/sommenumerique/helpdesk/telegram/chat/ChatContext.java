package fr.sommenumerique.helpdesk.telegram.chat;

import java.time.Instant;

/**
 * One update from a private chat, as the handlers need it.
 *
 * @param dedupeKey  recorded in {@code processed_inbound} with the update's effects: the update id (what Telegram
 *                   redelivers after a crash) plus what identifies the message for good (chat and message id,
 *                   callback id), because Telegram may restart update ids after a week without updates
 * @param messageId  the user's message, or the bot message whose button was pressed
 * @param senderName the user's first and last name (or username), for the contact
 */
record ChatContext(int updateId, String dedupeKey, long chatId, Integer messageId, String senderName,
                   Instant receivedAt) {

    /** {@code chatId:messageId}, the reference of the user's message on a ticket (used for edits). */
    String externalRef() {
        return chatId + ":" + messageId;
    }
}
