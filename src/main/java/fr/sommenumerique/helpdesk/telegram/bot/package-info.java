/**
 * Telegram infrastructure (internal to the telegram module): talks to the Bot API with telegrambots 10.2.0
 * ({@code OkHttpTelegramClient}), nothing here knows about tickets.
 *
 * <ul>
 *   <li>{@link fr.sommenumerique.helpdesk.telegram.bot.TelegramGateway}: send / edit / answer / menu / files.</li>
 *   <li>{@link fr.sommenumerique.helpdesk.telegram.bot.TelegramPollingRunner}: long polling, hands each update to
 *       the one {@link fr.sommenumerique.helpdesk.telegram.bot.TelegramUpdateHandler} bean (see its contract).</li>
 *   <li>{@link fr.sommenumerique.helpdesk.telegram.bot.TelegramMarkdown}: MarkdownV2 escaping.</li>
 * </ul>
 *
 * <p><b>Configuration.</b> The bot token comes only from the {@code TELEGRAM_BOT_TOKEN} environment variable
 * ({@code export TELEGRAM_BOT_TOKEN=123456:ABC…} before starting); without it the channel is OFF and the rest of
 * the helpdesk runs. Other settings: {@code helpdesk.telegram.api-url}, {@code polling-timeout},
 * {@code polling-limit}, {@code allowed-updates}, {@code request-timeout}, {@code connect-timeout},
 * {@code shutdown-timeout}, {@code backoff.initial|multiplier|max|jitter} (see
 * {@link fr.sommenumerique.helpdesk.telegram.bot.TelegramProperties}). The token never appears in logs, health
 * details or exception messages.
 */
package fr.sommenumerique.helpdesk.telegram.bot;
