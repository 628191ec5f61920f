package fr.sommenumerique.helpdesk.ticketing.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BusinessHoursProperties.class, SlaProperties.class, OutboxProperties.class,
        CommuneLinkingProperties.class})
class TicketingConfiguration {
}
