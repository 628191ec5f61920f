package fr.sommenumerique.helpdesk.web.ops;

import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Gauges read at each scrape: {@code helpdesk.outbox.backlog{channel}} (messages waiting),
 * {@code helpdesk.outbox.failed} (messages given up on) and {@code helpdesk.quarantine.items} (unreadable inbound
 * messages waiting for staff).
 */
@Component
public class OutboxMetrics implements MeterBinder {

    private final Outbox outbox;
    private final Quarantine quarantine;

    public OutboxMetrics(Outbox outbox, Quarantine quarantine) {
        this.outbox = outbox;
        this.quarantine = quarantine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            Gauge.builder("helpdesk.outbox.backlog", outbox, o -> o.backlog(channel))
                    .tag("channel", channel.name().toLowerCase())
                    .description("Outgoing messages waiting to be sent")
                    .register(registry);
        }
        Gauge.builder("helpdesk.outbox.failed", outbox, o -> o.failed().size())
                .description("Outgoing messages given up on (staff can retry them)")
                .register(registry);
        Gauge.builder("helpdesk.quarantine.items", quarantine, q -> q.count(QuarantineStatus.QUARANTINED))
                .description("Inbound messages that could not be handled, waiting for staff")
                .register(registry);
    }
}
