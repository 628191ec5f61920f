package fr.sommenumerique.helpdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.ApiCall;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.Failure;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.FakeUser;

/**
 * Order and pace (issue 9, point 6): after a 429 with {@code retry_after=4} the chat's replies leave in the order of
 * the messages they answer, 4 seconds later (not 30), while another chat is served at once.
 */
class TelegramDeliveryOrderTest extends TelegramChannelTestBase {

    @Test
    void aChatLimitedByTelegramKeepsItsOrderAndWaitsExactlyRetryAfterWhileOtherChatsGoOn() {
        awaitTelegramOutboxEmpty();
        FakeUser limited = newUser();
        FakeUser other = newUser();
        api.failNextFor("sendMessage", limited.chatId(), 1, Failure.tooManyRequests(4));

        api.enqueueText(limited, TelegramConversationRulesTest.ANSWERED_QUESTION);
        api.enqueueCommand(limited, "/horaires", null);
        api.enqueueCommand(other, "/horaires", null);

        List<ApiCall> delivered = awaitReplies(limited, 2);
        assertThat(delivered.get(0).text("text")).contains("RGS");
        assertThat(delivered.get(1).text("text")).contains("L'équipe de Somme Numérique vous répond");
        List<ApiCall> attempts = sentTo(limited);
        assertThat(attempts).extracting(ApiCall::failure).containsExactly("429", null, null);
        Duration waited = Duration.between(attempts.get(0).receivedAt(), attempts.get(1).receivedAt());
        assertThat(waited).as("retry_after=4 honoured to the second")
                .isGreaterThanOrEqualTo(Duration.ofMillis(3950)).isLessThan(Duration.ofMillis(5000));
        ApiCall otherReply = awaitReply(other, "L'équipe de Somme Numérique vous répond");
        assertThat(otherReply.receivedAt()).as("the other chat is not held back")
                .isBefore(attempts.get(1).receivedAt());
    }
}
