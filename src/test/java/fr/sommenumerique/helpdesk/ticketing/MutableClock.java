package fr.sommenumerique.helpdesk.ticketing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock tests can set and move. */
public class MutableClock extends Clock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** Sets the clock to a Paris local date-time. */
    public void setParis(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return PARIS;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
