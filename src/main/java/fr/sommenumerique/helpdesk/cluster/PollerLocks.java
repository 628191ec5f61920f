package fr.sommenumerique.helpdesk.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.jdbc.lock.LockRepository;

/**
 * Hands each inbound channel its {@link PollerLeadership}, and starts and stops competing for them with the
 * application: it starts before the pollers and stops after them, so that a clean stop releases every lock at once.
 */
public class PollerLocks implements SmartLifecycle {

    private final JdbcLockRegistry registry;
    private final LockRepository repository;
    private final ClusterProperties properties;
    private final ApplicationEventPublisher events;
    private final Runnable clearStaleLocks;
    private final List<LockedLeadership> leaderships = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    PollerLocks(JdbcLockRegistry registry, LockRepository repository, ClusterProperties properties,
                ApplicationEventPublisher events, Runnable clearStaleLocks) {
        this.registry = registry;
        this.repository = repository;
        this.properties = properties;
        this.events = events;
        this.clearStaleLocks = clearStaleLocks;
    }

    /**
     * The leadership of one inbound channel.
     *
     * @param role        what is read, identified the same way on every instance (e.g. the mailbox's server, user
     *                    and folder): instances reading the same thing compete for the same lock
     * @param description for the logs, in French (« la boîte support@… »)
     */
    public synchronized PollerLeadership leadership(String role, String description) {
        LockedLeadership leadership = new LockedLeadership(role, description, registry, repository,
                properties.heartbeat(), events);
        leaderships.add(leadership);
        if (running) {
            leadership.start();
        }
        return leadership;
    }

    @Override
    public synchronized void start() {
        clearStaleLocks.run();
        running = true;
        leaderships.forEach(LockedLeadership::start);
    }

    @Override
    public synchronized void stop() {
        running = false;
        leaderships.forEach(leadership -> leadership.stop(Duration.ofSeconds(5)));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000; // before the pollers (Integer.MAX_VALUE - 100) start, after they stop
    }
}
