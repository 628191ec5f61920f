package fr.sommenumerique.helpdesk.telegram.bot;

import java.time.Instant;

/** A message the bot sent: what is needed to edit it later. */
public record SentMessage(long chatId, int messageId, Instant sentAt) {
}
