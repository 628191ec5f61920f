package fr.sommenumerique.helpdesk.ticketing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The module's notion of "now": the application's {@link Clock} bean when there is exactly one (tests
 * provide a settable one), the system clock otherwise. Truncated to microseconds, the precision stored in H2.
 */
@Component
public class TicketingClock {

    private final Clock clock;

    public TicketingClock(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
