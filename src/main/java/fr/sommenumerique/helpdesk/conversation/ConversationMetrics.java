package fr.sommenumerique.helpdesk.conversation;

import fr.sommenumerique.helpdesk.ticketing.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counters for Prometheus: messages in by channel and outcome, the assistant's decisions by kind, tickets opened.
 * Counted once the transaction commits, so a message rolled back and redelivered is not counted twice.
 */
@Component
public class ConversationMetrics {

    private final MeterRegistry registry;

    public ConversationMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    }

    void handled(Channel channel, HandlingResult result) {
        Runnable count = () -> {
            registry.counter("helpdesk.messages.in", "channel", channel.name().toLowerCase(),
                    "outcome", result.outcome().name().toLowerCase()).increment();
            if (result.decision() != null) {
                registry.counter("helpdesk.assistant.decisions", "kind", result.decision().kind().name().toLowerCase())
                        .increment();
            }
            if (result.outcome() == HandlingResult.Outcome.TICKET_OPENED || result.outcome() == HandlingResult.Outcome.ANSWERED
                    || result.outcome() == HandlingResult.Outcome.OUT_OF_SCOPE) {
                registry.counter("helpdesk.tickets.opened", "channel", channel.name().toLowerCase()).increment();
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
