package fr.sommenumerique.helpdesk.mail.inbox;

import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import fr.sommenumerique.helpdesk.ticketing.QuarantineRetryRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Processes again a quarantined e-mail that staff handed back; if it fails again, it goes back to quarantine. */
public final class QuarantineRetries {

    private static final Logger log = LoggerFactory.getLogger(QuarantineRetries.class);

    private final Quarantine quarantine;
    private final MailIntake intake;

    public QuarantineRetries(Quarantine quarantine, MailIntake intake) {
        this.quarantine = quarantine;
        this.intake = intake;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void retry(QuarantineRetryRequested request) {
        if (request.channel() != Channel.EMAIL) {
            return;
        }
        byte[] raw = quarantine.raw(request.itemId()).orElse(null);
        if (raw == null) {
            log.warn("Quarantaine n° {} : message introuvable", request.itemId());
            return;
        }
        MailIntake.Attempt attempt = intake.attempt(raw, "quarantaine n° " + request.itemId());
        if (attempt.result() == MailIntake.Result.QUARANTINED) {
            quarantine.failedAgain(request.itemId(), attempt.failure());
        }
    }
}
