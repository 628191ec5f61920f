package fr.sommenumerique.helpdesk.telegram;

import java.time.Instant;

/**
 * Snapshot of the Telegram channel. Never contains the bot token.
 *
 * @param state               where the channel stands
 * @param startedAt           when polling started, null if it never did
 * @param lastSuccessfulPoll  end of the last getUpdates call that succeeded (an empty answer counts), null if none
 * @param lastErrorAt         when the last polling error happened, null if none
 * @param lastError           short description of the last polling error (token masked), null if none
 * @param consecutiveFailures polling failures since the last success; 0 when healthy
 * @param handledUpdates      updates handed to the handler without exception since start
 * @param failedUpdates       updates whose handler threw (logged, then skipped)
 * @param lastHandledUpdateId highest update_id handed to the handler, null if none yet
 */
public record TelegramChannelHealth(
        State state,
        Instant startedAt,
        Instant lastSuccessfulPoll,
        Instant lastErrorAt,
        String lastError,
        int consecutiveFailures,
        long handledUpdates,
        long failedUpdates,
        Integer lastHandledUpdateId) {

    public enum State {
        /** No token configured: the channel is disabled, nothing polls. */
        OFF,
        /** Token configured but nothing polls (no update handler bean, or the application has not started yet). */
        IDLE,
        /** Polling thread started, no answer from Telegram yet. */
        STARTING,
        /** Another instance sharing the database reads the bot; this one takes over if it stops. */
        STANDBY,
        /** Polling and the last getUpdates call succeeded. */
        RUNNING,
        /** Polling, but the last getUpdates call(s) failed; retrying with backoff. */
        FAILING,
        /** Polling was stopped (application shutdown). */
        STOPPED
    }

    /** True when the channel is switched on and its last poll succeeded, here or (standby) on another instance. */
    public boolean healthy() {
        return state == State.RUNNING || state == State.STANDBY;
    }
}
