package fr.sommenumerique.helpdesk.telegram.chat;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.sommenumerique.helpdesk.telegram.bot.TelegramGateway;
import fr.sommenumerique.helpdesk.telegram.delivery.FeedbackButtons;
import fr.sommenumerique.helpdesk.telegram.delivery.MessageOptions;
import fr.sommenumerique.helpdesk.telegram.delivery.SentParts;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramDeliveryProperties;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutboxSender;
import fr.sommenumerique.helpdesk.ticketing.Outbox;

/**
 * The Telegram channel's domain side: the update handler (a component) and the outbox sender, which runs only
 * when the channel is on (a token is configured) and sets the command menu at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TelegramChatProperties.class, TelegramDeliveryProperties.class})
class TelegramChatConfiguration {

    @Bean
    TelegramOutboxSender telegramOutboxSender(Outbox outbox, TelegramGateway gateway, MessageOptions options,
                                              FeedbackButtons feedback, TelegramDeliveryProperties properties,
                                              SentParts partsSent, ObjectProvider<Clock> clock) {
        return new TelegramOutboxSender(outbox, gateway, options, feedback, properties, ChatTexts.MENU, partsSent,
                clock.getIfUnique(Clock::systemUTC));
    }
}
