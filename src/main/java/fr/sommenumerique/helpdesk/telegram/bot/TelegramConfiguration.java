package fr.sommenumerique.helpdesk.telegram.bot;

import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import fr.sommenumerique.helpdesk.cluster.PollerLeadership;
import fr.sommenumerique.helpdesk.cluster.PollerLocks;

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
    /** The bean saying whether this instance reads the bot. */
    public static final String BOT_LEADERSHIP = "telegramBotLeadership";

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
                                                ObjectProvider<TelegramUpdateHandler> handlers, PollingHealth health,
                                                @Qualifier(BOT_LEADERSHIP) PollerLeadership botLeadership) {
        checkTokenSource(properties, environment);
        return new TelegramPollingRunner(properties, handlers::getIfUnique, health, botLeadership);
    }

    /**
     * Whether this instance reads the bot: the runner polls, and the chat's own work tied to reading (flood replays)
     * runs, only while it leads. Instances with the same bot compete for one lock, named after the bot's id (the
     * token's public part). Without the application's database locks (a context of the channel alone), it reads alone.
     */
    @Bean(BOT_LEADERSHIP)
    PollerLeadership telegramBotLeadership(TelegramProperties properties, ObjectProvider<PollerLocks> lockProvider) {
        PollerLocks locks = lockProvider.getIfAvailable();
        if (!properties.enabled() || locks == null) {
            return PollerLeadership.alone();
        }
        String botId = properties.token().substring(0, Math.max(0, properties.token().indexOf(':')));
        return locks.leadership("telegram:" + botId, "le bot Telegram n° " + botId);
    }

    @Bean
    TelegramHealthIndicator telegramHealthIndicator(PollingHealth health) {
        return new TelegramHealthIndicator(health);
    }

    /**
     * The token must come from the TELEGRAM_BOT_TOKEN variable of the operating-system environment (Spring's
     * {@value StandardEnvironment#SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME} property source), which application.yml
     * maps to helpdesk.telegram.token. Any other source (a yml or properties file, {@code -D}, {@code --arg}, a
     * property named TELEGRAM_BOT_TOKEN anywhere else) is refused, so that the token never ends up in a committed
     * file, a command line or a process listing. Comparing with {@code environment.getProperty(...)} would not do:
     * every property source answers it.
     */
    static void checkTokenSource(TelegramProperties properties, Environment environment) {
        if (!properties.enabled()) {
            return;
        }
        String fromOs = Objects.requireNonNullElse(osEnvironmentValue(environment), "").strip();
        if (fromOs.isEmpty()) {
            throw new IllegalStateException("A Telegram bot token is configured, but not through the " + TOKEN_VARIABLE
                    + " environment variable (it comes from a configuration file, a -D system property, a command-line "
                    + "argument or another property source). The token is accepted from the operating-system "
                    + "environment only: remove it from there and export " + TOKEN_VARIABLE + " before starting.");
        }
        if (!properties.token().equals(fromOs)) {
            throw new IllegalStateException("helpdesk.telegram.token (or a " + TOKEN_VARIABLE + " property) is set "
                    + "to something else than the " + TOKEN_VARIABLE + " environment variable: the token is accepted "
                    + "from the operating-system environment only. Remove the other setting (configuration file, -D "
                    + "system property, command-line argument).");
        }
    }

    /** TELEGRAM_BOT_TOKEN as the operating system gave it, ignoring every other property source. */
    private static String osEnvironmentValue(Environment environment) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return null;
        }
        PropertySource<?> system = configurable.getPropertySources()
                .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        Object value = system == null ? null : system.getProperty(TOKEN_VARIABLE);
        return value == null ? null : value.toString();
    }
}
