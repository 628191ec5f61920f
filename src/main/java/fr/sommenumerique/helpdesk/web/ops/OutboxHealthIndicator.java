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
 * Actuator health « outbox »: messages waiting per channel, being retried, and given up on. FAILED messages make it
 * DEGRADED (someone did not get an answer; staff must look at « Envois en échec »), not DOWN: the helpdesk itself
 * still works. Messages being retried after a failed attempt (SMTP or Telegram unreachable) and a backlog above
 * {@link #BACKLOG_WARNING} make it DEGRADED too.
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
        Map<String, Long> retrying = new LinkedHashMap<>();
        long total = 0;
        long retries = 0;
        for (Channel channel : Channel.values()) {
            long n = outbox.backlog(channel);
            long r = outbox.retrying(channel);
            backlog.put(channel.name().toLowerCase(), n);
            retrying.put(channel.name().toLowerCase(), r);
            total += n;
            retries += r;
        }
        int failed = outbox.failed().size();
        Health.Builder health = failed > 0 || retries > 0 || total > BACKLOG_WARNING ? Health.status(DEGRADED)
                : Health.up();
        return health.withDetail("backlog", backlog).withDetail("retrying", retrying).withDetail("failed", failed)
                .build();
    }
}
