package fr.sommenumerique.helpdesk.telegram.bot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import fr.sommenumerique.helpdesk.telegram.TelegramChannelHealth;
import fr.sommenumerique.helpdesk.telegram.TelegramChannelStatus;

/**
 * Actuator health "telegram". OFF and RUNNING are UP (a disabled channel is a choice, not a failure); FAILING is
 * "DEGRADED" (Telegram unreachable: the rest of the helpdesk works); IDLE/STOPPED are UNKNOWN.
 */
public final class TelegramHealthIndicator implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "Telegram injoignable, nouvelle tentative en cours");

    private final TelegramChannelStatus status;

    public TelegramHealthIndicator(TelegramChannelStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        TelegramChannelHealth snapshot = status.snapshot();
        Health.Builder builder = switch (snapshot.state()) {
            case OFF, RUNNING, STARTING, STANDBY -> Health.up();
            case FAILING -> Health.status(DEGRADED);
            case IDLE, STOPPED -> Health.unknown();
        };
        builder.withDetail("state", snapshot.state().name());
        if (snapshot.lastSuccessfulPoll() != null) {
            builder.withDetail("lastSuccessfulPoll", snapshot.lastSuccessfulPoll().toString());
        }
        if (snapshot.lastError() != null) {
            builder.withDetail("lastError", snapshot.lastError());
            builder.withDetail("lastErrorAt", String.valueOf(snapshot.lastErrorAt()));
        }
        builder.withDetail("consecutiveFailures", snapshot.consecutiveFailures());
        builder.withDetail("handledUpdates", snapshot.handledUpdates());
        builder.withDetail("failedUpdates", snapshot.failedUpdates());
        return builder.build();
    }
}
