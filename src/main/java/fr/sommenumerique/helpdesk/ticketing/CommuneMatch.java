package fr.sommenumerique.helpdesk.ticketing;

/** The commune a sender was linked to, and how. */
public record CommuneMatch(Commune commune, Method method) {

    public enum Method {
        /** The sender is a known contact already linked to this commune. */
        CONTACT,
        /** The message or its signature names the commune (with enough context) or gives its INSEE code. */
        MENTION,
        /** The sender's mail domain belongs to this commune and to no other. */
        DOMAIN
    }
}
