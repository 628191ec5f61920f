package fr.sommenumerique.helpdesk.web.ops;

import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.OutboxSendFailed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counters of outgoing messages that could not be sent, by channel: {@code helpdesk.outbox.send.failures} counts
 * every failed attempt (retried later or not), {@code helpdesk.outbox.send.abandoned} the messages given up on
 * (attempts used up or permanent error). Registered at start so that they read 0 rather than being absent.
 */
@Component
public class OutboxFailureCounters {

    private final Map<Channel, Counter> attempts = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> abandoned = new EnumMap<>(Channel.class);

    public OutboxFailureCounters(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            String tag = channel.name().toLowerCase(Locale.ROOT);
            attempts.put(channel, Counter.builder("helpdesk.outbox.send.failures").tag("channel", tag)
                    .description("Failed attempts to send an outgoing message").register(registry));
            abandoned.put(channel, Counter.builder("helpdesk.outbox.send.abandoned").tag("channel", tag)
                    .description("Outgoing messages given up on after their last failed attempt").register(registry));
        }
    }

    @EventListener
    void on(OutboxSendFailed failure) {
        attempts.get(failure.channel()).increment();
        if (failure.abandoned()) {
            abandoned.get(failure.channel()).increment();
        }
    }
}
