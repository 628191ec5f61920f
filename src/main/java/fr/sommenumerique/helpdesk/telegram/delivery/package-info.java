/**
 * Outgoing Telegram messages (internal to the telegram module): {@link
 * fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutbound} queues the bot's own messages in the outbox with
 * their buttons and parse mode ({@code telegram_message_options}); {@link
 * fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutboxSender} sends every TELEGRAM outbox message, adding the
 * feedback buttons under the assistant's answers ({@link fr.sommenumerique.helpdesk.telegram.delivery.FeedbackButtons}).
 */
package fr.sommenumerique.helpdesk.telegram.delivery;
