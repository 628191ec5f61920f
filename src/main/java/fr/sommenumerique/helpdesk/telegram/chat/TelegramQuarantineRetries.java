package fr.sommenumerique.helpdesk.telegram.chat;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.telegram.telegrambots.meta.api.objects.Update;

import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import fr.sommenumerique.helpdesk.ticketing.QuarantineRetryRequested;

/**
 * Processes again a quarantined Telegram update that staff handed back (a failure, or a message set aside by the
 * flood limit): the raw update is read back and handled as if it had just arrived, without the flood limit. If it
 * fails again, it goes back to the quarantine with the new reason.
 */
@Component
class TelegramQuarantineRetries {

    private static final Logger log = LoggerFactory.getLogger(TelegramQuarantineRetries.class);

    private final Quarantine quarantine;
    private final ChatUpdateHandler handler;

    TelegramQuarantineRetries(Quarantine quarantine, ChatUpdateHandler handler) {
        this.quarantine = quarantine;
        this.handler = handler;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void retry(QuarantineRetryRequested request) {
        if (request.channel() != Channel.TELEGRAM) {
            return;
        }
        byte[] raw = quarantine.raw(request.itemId()).orElse(null);
        if (raw == null) {
            log.warn("Quarantine item {}: nothing to retry.", request.itemId());
            return;
        }
        Update update;
        try {
            update = ChatUpdateHandler.fromRaw(raw);
        } catch (IOException e) {
            quarantine.failedAgain(request.itemId(), "Mise à jour Telegram illisible : " + e.getMessage());
            return;
        }
        ChatUpdateHandler.Attempt attempt = handler.process(update, true);
        log.info("Quarantine item {} (Telegram update {}) retried: {}", request.itemId(), update.getUpdateId(),
                attempt.result());
        if (attempt.result() == ChatUpdateHandler.Result.FAILED) {
            quarantine.failedAgain(request.itemId(), attempt.failure());
        }
    }
}
