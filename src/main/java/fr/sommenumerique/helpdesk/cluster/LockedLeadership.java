package fr.sommenumerique.helpdesk.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.jdbc.lock.LockRepository;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.util.UUIDConverter;

/**
 * A leadership held as a lock row of Spring Integration's {@link JdbcLockRegistry}, competed for by a
 * {@link LockRegistryLeaderInitiator} thread: the holder renews the row every heartbeat; if it stops doing so (it
 * died, or lost the database), the row expires after {@code helpdesk.cluster.lock-ttl} and another instance takes
 * it. {@link #isLeader()} reads the row itself, so an instance that lost its lock while frozen (and could not hear
 * about it) knows before its next message.
 */
final class LockedLeadership implements PollerLeadership {

    private static final Logger log = LoggerFactory.getLogger(LockedLeadership.class);

    private final String role;
    private final String description;
    private final LockRepository locks;
    private final String lockPath;
    private final LockRegistryLeaderInitiator initiator;
    private final List<Runnable> revokedListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> grantedListeners = new CopyOnWriteArrayList<>();
    private final Object monitor = new Object();
    private volatile boolean leader;

    LockedLeadership(String role, String description, JdbcLockRegistry registry, LockRepository locks,
                     Duration heartbeat, ApplicationEventPublisher events) {
        this.role = role;
        this.description = description;
        this.locks = locks;
        this.lockPath = UUIDConverter.getUUID(role).toString(); // the row JdbcLockRegistry keeps for this role
        this.initiator = new LockRegistryLeaderInitiator(registry, new LeadershipCandidate());
        initiator.setHeartBeatMillis(heartbeat.toMillis());
        initiator.setBusyWaitMillis(heartbeat.toMillis());
        initiator.setApplicationEventPublisher(events);
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("poller-lock-");
        threads.setDaemon(true);
        initiator.setTaskExecutor(threads);
        initiator.setAutoStartup(false); // started by PollerLocks
    }

    @Override
    public boolean awaitLeadership(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (monitor) {
            while (!leader && initiator.isRunning()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
        return isLeader();
    }

    @Override
    public boolean isLeader() {
        if (!leader) {
            return false;
        }
        try {
            return locks.isAcquired(lockPath);
        } catch (RuntimeException databaseUnreachable) {
            log.debug("Lock check for {} failed", role, databaseUnreachable);
            return false;
        }
    }

    @Override
    public void onRevoked(Runnable listener) {
        revokedListeners.add(listener);
    }

    @Override
    public void onGranted(Runnable listener) {
        grantedListeners.add(listener);
    }

    void start() {
        initiator.start();
    }

    /** Stops competing; releases the lock if held, so that another instance takes over at once. */
    void stop(Duration wait) {
        initiator.stop();
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (monitor) {
            monitor.notifyAll();
            while (leader && System.nanoTime() < deadline) {
                try {
                    monitor.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private final class LeadershipCandidate implements Candidate {

        @Override
        public String getRole() {
            return role;
        }

        @Override
        public String getId() {
            return description;
        }

        @Override
        public void onGranted(Context context) {
            synchronized (monitor) {
                leader = true;
                monitor.notifyAll();
            }
            log.info("Cette instance lit désormais {}.", description);
            grantedListeners.forEach(Runnable::run);
        }

        @Override
        public void onRevoked(Context context) {
            synchronized (monitor) {
                if (!leader) {
                    return;
                }
                leader = false;
                monitor.notifyAll();
            }
            log.info("Cette instance ne lit plus {} (verrou rendu ou perdu).", description);
            revokedListeners.forEach(Runnable::run);
        }
    }
}
