package fr.sommenumerique.helpdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import fr.sommenumerique.helpdesk.telegram.TelegramChannelHealth.State;

/** The whole application starts when TELEGRAM_BOT_TOKEN is absent, with the Telegram channel off. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "TELEGRAM_BOT_TOKEN=",
        "spring.datasource.url=jdbc:h2:mem:telegram-off;DB_CLOSE_DELAY=-1",
        // the embedded mail server on free ports: this cached context must not hold the default ones
        "helpdesk.mail.embedded.smtp-port=0",
        "helpdesk.mail.embedded.imap-port=0"})
class TelegramChannelOffApplicationTest {

    @Autowired
    TelegramChannelStatus status;

    @Test
    void applicationStartsWithTheChannelOff() {
        assertThat(status.snapshot().state()).isEqualTo(State.OFF);
        assertThat(status.snapshot().startedAt()).isNull();
    }
}
