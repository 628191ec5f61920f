/**
 * The Telegram channel's domain side (internal to the telegram module): what the bot does with each update.
 *
 * <ul>
 *   <li>{@link fr.sommenumerique.helpdesk.telegram.chat.ChatUpdateHandler}: the one
 *       {@code TelegramUpdateHandler}; routes messages, edits and button presses; records every update as processed
 *       in the transaction of its effects; quarantines failures; ignores groups politely; limits floods.</li>
 *   <li>Free text, photos and documents go to {@code conversation.Conversations} as {@code InboundMessage}s: same
 *       answers, tickets and subscription requests as by e-mail.</li>
 *   <li>Commands (French, in the « / » menu): /start, /aide, /services, /horaires, /ticket, /statut, /souscrire,
 *       /lier, /fin (and /annuler): {@code ChatCommands}, {@code SubscriptionFlow}, {@code ChatLinking}.</li>
 *   <li>Buttons: « 👍 Résolu » / « 👎 Pas résolu » under answers ({@code FeedbackHandler}), service summaries,
 *       the /souscrire steps.</li>
 * </ul>
 *
 * <p>Replies are never sent from here: they are queued in the outbox with the effects they report, and
 * {@code delivery.TelegramOutboxSender} sends them (and the staff's replies). Settings: {@code helpdesk.telegram.chat.*}
 * ({@link fr.sommenumerique.helpdesk.telegram.chat.TelegramChatProperties}) and {@code helpdesk.telegram.delivery.*}.
 * Tables: V20 ({@code telegram_message_options}, {@code telegram_chat_states}, {@code telegram_link_codes},
 * {@code telegram_group_chats}), V29 ({@code telegram_set_aside}, replayed by {@code FloodReplays} on the instance
 * reading the bot).
 */
package fr.sommenumerique.helpdesk.telegram.chat;
