package fr.sommenumerique.helpdesk.mail.inbox;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What the health endpoint shows about the mailbox connection. Written by the poller thread only. */
public final class MailboxStatus {

    /** STANDBY: another instance sharing the database reads the mailbox; this one takes over if it stops. */
    public enum State { STARTING, STANDBY, CONNECTED_IDLE, CONNECTED_POLLING, RECONNECTING, STOPPED }

    private volatile State state = State.STARTING;
    private volatile Instant lastCheck;
    private volatile Instant lastErrorAt;
    private volatile String lastError;
    private volatile int consecutiveFailures;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();

    void connected(boolean idle) {
        state = idle ? State.CONNECTED_IDLE : State.CONNECTED_POLLING;
        consecutiveFailures = 0;
        lastCheck = Instant.now();
    }

    void checked() {
        lastCheck = Instant.now();
    }

    void failed(String error) {
        state = State.RECONNECTING;
        lastError = error;
        lastErrorAt = Instant.now();
        consecutiveFailures++;
    }

    void standby() {
        state = State.STANDBY;
    }

    void stopped() {
        state = State.STOPPED;
    }

    void count(MailIntake.Result result) {
        if (result == MailIntake.Result.QUARANTINED) {
            quarantined.incrementAndGet();
        } else {
            processed.incrementAndGet();
        }
    }

    public State state() {
        return state;
    }

    public Instant lastCheck() {
        return lastCheck;
    }

    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    public String lastError() {
        return lastError;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public long processed() {
        return processed.get();
    }

    public long quarantined() {
        return quarantined.get();
    }
}
