package fr.sommenumerique.helpdesk.web.account;

import java.io.Serializable;
import java.time.Instant;

/** A personal API token as listed to its owner (the token itself is never stored). */
public record ApiToken(long id, long staffUserId, String name, String prefix, Instant createdAt, Instant expiresAt,
                       Instant lastUsedAt, Instant revokedAt) implements Serializable {

    public boolean usable(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
