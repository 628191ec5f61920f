package fr.sommenumerique.helpdesk.telegram.bot;

import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives every update from Telegram, one at a time, in update_id order, on the polling thread.
 *
 * <p>Contract for the implementation (the domain layer):
 * <ul>
 *   <li>Delivery is at least once: after a crash, or when an exception escaped here, the same update_id can come
 *       again (Telegram re-serves every update not yet confirmed). Dedupe by {@code update.getUpdateId()}.</li>
 *   <li>Record the update durably before doing slow work; handle it quickly (polling waits for it).</li>
 *   <li>An exception is logged by the runner (update id, type, chat and raw JSON) and the update is then skipped,
 *       so polling cannot get stuck on a poison update: catch and quarantine it yourself if it matters.</li>
 * </ul>
 */
@FunctionalInterface
public interface TelegramUpdateHandler {

    void handle(Update update) throws Exception;
}
