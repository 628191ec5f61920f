package fr.sommenumerique.helpdesk.web.ops;

import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Actuator health « outbox »: messages waiting per channel and messages given up on. FAILED messages make it
 * DEGRADED (someone did not get an answer; staff must look at « Envois en échec »), not DOWN: the helpdesk itself
 * still works. A backlog above {@link #BACKLOG_WARNING} is DEGRADED too (a channel is probably stuck).
 */
@Component("outboxHealthIndicator")
public class OutboxHealthIndicator implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "Des messages sortants sont en échec ou en retard");
    static final long BACKLOG_WARNING = 200;

    private final Outbox outbox;

    public OutboxHealthIndicator(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        Map<String, Long> backlog = new LinkedHashMap<>();
        long total = 0;
        for (Channel channel : Channel.values()) {
            long n = outbox.backlog(channel);
            backlog.put(channel.name().toLowerCase(), n);
            total += n;
        }
        int failed = outbox.failed().size();
        Health.Builder health = failed > 0 || total > BACKLOG_WARNING ? Health.status(DEGRADED) : Health.up();
        return health.withDetail("backlog", backlog).withDetail("failed", failed).build();
    }
}
