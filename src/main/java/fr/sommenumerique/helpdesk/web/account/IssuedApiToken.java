package fr.sommenumerique.helpdesk.web.account;

import java.io.Serializable;

/** A token just created: {@code secret} is shown to its owner once and never again. */
public record IssuedApiToken(ApiToken token, String secret) implements Serializable {
}
