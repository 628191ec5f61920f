package fr.sommenumerique.helpdesk.telegram.bot;

import java.time.Clock;
import java.time.Instant;

import fr.sommenumerique.helpdesk.telegram.TelegramChannelHealth;
import fr.sommenumerique.helpdesk.telegram.TelegramChannelHealth.State;
import fr.sommenumerique.helpdesk.telegram.TelegramChannelStatus;

/** Mutable state behind {@link TelegramChannelStatus}; written by the poller only. */
public final class PollingHealth implements TelegramChannelStatus {

    private final Clock clock;
    private State state = State.IDLE;
    private Instant startedAt;
    private Instant lastSuccessfulPoll;
    private Instant lastErrorAt;
    private String lastError;
    private int consecutiveFailures;
    private long handledUpdates;
    private long failedUpdates;
    private Integer lastHandledUpdateId;

    public PollingHealth() {
        this(Clock.systemUTC());
    }

    public PollingHealth(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized TelegramChannelHealth snapshot() {
        return new TelegramChannelHealth(state, startedAt, lastSuccessfulPoll, lastErrorAt, lastError,
                consecutiveFailures, handledUpdates, failedUpdates, lastHandledUpdateId);
    }

    synchronized void off() {
        state = State.OFF;
    }

    synchronized void idle() {
        state = State.IDLE;
    }

    synchronized void starting() {
        state = State.STARTING;
        startedAt = clock.instant();
        consecutiveFailures = 0;
    }

    /** Another instance sharing the database reads the bot; this one takes over if it stops. */
    synchronized void standby() {
        state = State.STANDBY;
    }

    synchronized void pollSucceeded() {
        state = State.RUNNING;
        lastSuccessfulPoll = clock.instant();
        consecutiveFailures = 0;
    }

    synchronized void pollFailed(String maskedError) {
        state = State.FAILING;
        lastErrorAt = clock.instant();
        lastError = maskedError;
        consecutiveFailures++;
    }

    synchronized void updateHandled(int updateId, boolean succeeded) {
        if (succeeded) {
            handledUpdates++;
        } else {
            failedUpdates++;
        }
        lastHandledUpdateId = lastHandledUpdateId == null ? updateId : Math.max(lastHandledUpdateId, updateId);
    }

    synchronized void stopped() {
        if (state != State.OFF) {
            state = State.STOPPED;
        }
    }
}
