package fr.sommenumerique.helpdesk.cluster;

import java.time.Duration;

/**
 * Whether this instance is the one that reads an inbound channel (a mailbox, a bot). Among the instances sharing
 * the database, one at a time leads each channel (see {@link PollerLocks}). A poller waits in
 * {@link #awaitLeadership} before it connects, and asks {@link #isLeader()} before each message, so that an instance
 * that lost the lead stops before its next message.
 */
public interface PollerLeadership {

    /**
     * Waits until this instance leads, at most {@code max}; true when it does. Returns false at once when the
     * leadership is stopped (the application is closing).
     */
    boolean awaitLeadership(Duration max) throws InterruptedException;

    /** True when this instance leads now (checked in the database: false when it cannot be reached). */
    boolean isLeader();

    /** Called (on another thread) when this instance loses the lead: a poller waiting on its server wakes up. */
    void onRevoked(Runnable listener);

    /**
     * Called (on another thread) each time this instance gains the lead: work left waiting by the instance that had
     * it (or by this one before a restart) can be picked up.
     */
    void onGranted(Runnable listener);

    /** For a channel no other instance can read (the mailbox of this instance's embedded mail server): always leads. */
    static PollerLeadership alone() {
        return new PollerLeadership() {
            @Override
            public boolean awaitLeadership(Duration max) {
                return true;
            }

            @Override
            public boolean isLeader() {
                return true;
            }

            @Override
            public void onRevoked(Runnable listener) {
                // never revoked
            }

            @Override
            public void onGranted(Runnable listener) {
                // leads from the start, never granted later
            }
        };
    }
}
