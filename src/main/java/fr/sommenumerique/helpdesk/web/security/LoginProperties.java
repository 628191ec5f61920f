package fr.sommenumerique.helpdesk.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Throttling of failed logins ({@code helpdesk.web.login.*}): after {@code maxFailures} consecutive failures for one
 * username, or {@code maxFailuresPerAddress} from one address, further attempts are refused for {@code firstLock},
 * doubling with each new failure up to {@code maxLock}.
 */
@ConfigurationProperties("helpdesk.web.login")
public record LoginProperties(Integer maxFailures, Integer maxFailuresPerAddress, Duration firstLock, Duration maxLock) {

    public LoginProperties {
        maxFailures = maxFailures == null ? 5 : maxFailures;
        maxFailuresPerAddress = maxFailuresPerAddress == null ? 30 : maxFailuresPerAddress;
        firstLock = firstLock == null ? Duration.ofSeconds(30) : firstLock;
        maxLock = maxLock == null ? Duration.ofMinutes(15) : maxLock;
    }
}
