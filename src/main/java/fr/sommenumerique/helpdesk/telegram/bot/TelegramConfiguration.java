package fr.sommenumerique.helpdesk.telegram.bot;

import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the Telegram channel with plain beans (there is no Spring Boot starter for telegrambots 10.x):
 * the {@link TelegramGateway} (real, or refusing when off), the {@link TelegramPollingRunner} (a lifecycle bean:
 * starts once the context is refreshed, stops first on shutdown), the {@link PollingHealth} status and its
 * health indicator. The domain provides one {@link TelegramUpdateHandler} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramProperties.class)
public class TelegramConfiguration {

    static final String TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN";

    @Bean
    PollingHealth telegramChannelStatus() {
        return new PollingHealth();
    }

    /** Its HTTP client is closed on shutdown through the inferred {@code close()} of the real gateway. */
    @Bean
    TelegramGateway telegramGateway(TelegramProperties properties, Environment environment) {
        checkTokenSource(properties, environment);
        return properties.enabled() ? new OkHttpTelegramGateway(properties) : new DisabledTelegramGateway();
    }

    @Bean
    TelegramPollingRunner telegramPollingRunner(TelegramProperties properties, Environment environment,
                                                ObjectProvider<TelegramUpdateHandler> handlers, PollingHealth health) {
        checkTokenSource(properties, environment);
        return new TelegramPollingRunner(properties, handlers::getIfUnique, health);
    }

    @Bean
    TelegramHealthIndicator telegramHealthIndicator(PollingHealth health) {
        return new TelegramHealthIndicator(health);
    }

    /**
     * The token must come from TELEGRAM_BOT_TOKEN (application.yml maps it); refuse any other source so that it
     * never ends up in a committed file or on a command line.
     */
    static void checkTokenSource(TelegramProperties properties, Environment environment) {
        String fromVariable = Objects.requireNonNullElse(environment.getProperty(TOKEN_VARIABLE), "").strip();
        if (!properties.token().equals(fromVariable)) {
            throw new IllegalStateException("helpdesk.telegram.token must not be set directly: the bot token is read "
                    + "from the " + TOKEN_VARIABLE + " environment variable only (application.yml maps "
                    + "helpdesk.telegram.token to ${" + TOKEN_VARIABLE + ":}).");
        }
    }
}
