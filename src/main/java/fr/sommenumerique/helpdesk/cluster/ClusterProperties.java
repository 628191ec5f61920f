package fr.sommenumerique.helpdesk.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code helpdesk.cluster.*}: how the instances sharing one database agree on who reads each inbound channel. Nothing
 * needs setting: the defaults are safe for one instance or several.
 *
 * @param lockTtl   how long a poller lock stays valid without being renewed: the longest an instance that died
 *                  without releasing it (killed, machine lost) keeps the others waiting
 * @param heartbeat how often the holder renews its lock and the others try to take it; well under {@code lockTtl}
 */
@ConfigurationProperties("helpdesk.cluster")
public record ClusterProperties(@DefaultValue("10s") Duration lockTtl, @DefaultValue("1s") Duration heartbeat) {

    public ClusterProperties {
        if (heartbeat.compareTo(lockTtl.dividedBy(3)) > 0) {
            throw new IllegalArgumentException("helpdesk.cluster.heartbeat (" + heartbeat
                    + ") doit être au plus le tiers de helpdesk.cluster.lock-ttl (" + lockTtl + ")");
        }
    }
}
