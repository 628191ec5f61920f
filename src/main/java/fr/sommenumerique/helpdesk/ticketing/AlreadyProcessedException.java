package fr.sommenumerique.helpdesk.ticketing;

/**
 * {@link ProcessedInbound#markProcessed} found the message already recorded: it was (or is being) handled by
 * another transaction. Thrown through the caller's transaction so that its effects roll back.
 */
public class AlreadyProcessedException extends RuntimeException {

    private final Channel channel;
    private final String dedupeKey;

    public AlreadyProcessedException(Channel channel, String dedupeKey, Throwable cause) {
        super("Message déjà traité (" + channel + " " + dedupeKey + ")", cause);
        this.channel = channel;
        this.dedupeKey = dedupeKey;
    }

    public Channel channel() {
        return channel;
    }

    public String dedupeKey() {
        return dedupeKey;
    }
}
