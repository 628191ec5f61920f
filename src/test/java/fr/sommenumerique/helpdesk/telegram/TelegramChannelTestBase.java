package fr.sommenumerique.helpdesk.telegram;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.ApiCall;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.EnqueuedUpdate;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.FakeUser;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramPollingRunner;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutboxSender;
import fr.sommenumerique.helpdesk.ticketing.AssistantInteractions;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.Tickets;

/**
 * The whole application (real H2, real assistant and knowledge base, real outbox) with the Telegram channel on,
 * its real client polling a fake Bot API on 127.0.0.1. The token is given as the TELEGRAM_BOT_TOKEN variable of
 * the OS environment, the only source the channel accepts ({@link TokenInEnvironment}). Every test class
 * extending this one shares one application context and one fake API, so
 * each test talks through users of its own ({@link #newUser()}) and looks only at their chats.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "helpdesk.mail.enabled=false",
        "helpdesk.telegram.polling-timeout=1s",
        "helpdesk.telegram.backoff.initial=50ms",
        "helpdesk.telegram.backoff.max=300ms",
        "helpdesk.telegram.backoff.jitter=0",
        "helpdesk.telegram.delivery.interval=200ms",
        "helpdesk.telegram.chat.flood-messages=8",
        "helpdesk.outbox.backoff=300ms"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TelegramChannelTestBase.TokenInEnvironment.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TelegramChannelTestBase {

    /** Shared by every context of these tests; never closed (daemon threads), as cached contexts outlive classes. */
    static final FakeTelegramBotApi api = FakeTelegramBotApi.start().awaitTimeout(Duration.ofSeconds(15));

    private static final AtomicLong userIds = new AtomicLong(5_000_000_000L + (System.nanoTime() % 1_000_000) * 1000);

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("helpdesk.telegram.api-url", () -> api.apiUrl().toString());
    }

    /**
     * {@code export TELEGRAM_BOT_TOKEN=<the fake API's token>}: a property would be refused (see
     * {@link TestEnvironmentVariables} for why the system-environment property source is replaced).
     */
    static final class TokenInEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestEnvironmentVariables.with("TELEGRAM_BOT_TOKEN", api.token()).initialize(context);
        }
    }

    @Autowired
    private TelegramPollingRunner pollingRunner;
    @Autowired
    private TelegramOutboxSender outboxSender;
    @Autowired
    protected Tickets tickets;
    @Autowired
    protected Contacts contacts;
    @Autowired
    protected Outbox outbox;
    @Autowired
    protected Quarantine quarantine;
    @Autowired
    protected Subscriptions subscriptions;
    @Autowired
    protected AssistantInteractions interactions;
    @Autowired
    protected JdbcClient jdbc;

    /** The context is cached between classes: the channel runs only while one of these classes does. */
    @BeforeAll
    void resumeTelegram() {
        pollingRunner.start();
        outboxSender.start();
    }

    /** Other tests of the JVM expect no Telegram thread polling (the context itself stays cached). */
    @AfterAll
    void pauseTelegram() {
        pollingRunner.stop();
        outboxSender.stop();
    }

    /** A user of their own, whose private chat the bot may write to. */
    protected static FakeUser newUser() {
        long id = userIds.incrementAndGet();
        FakeUser user = new FakeUser(id, "Martine", "Test" + (id % 100_000), null);
        api.addPrivateChat(user);
        return user;
    }

    /** Messages the bot sent to that chat, oldest first (failed attempts included). */
    protected static List<ApiCall> sentTo(FakeUser user) {
        return sentTo(user.chatId());
    }

    protected static List<ApiCall> sentTo(long chatId) {
        return api.calls("sendMessage").stream().filter(c -> c.longValue("chat_id") == chatId).toList();
    }

    /** Waits for a message to that chat whose text contains {@code fragment}. */
    protected static ApiCall awaitReply(FakeUser user, String fragment) {
        return api.awaitCall("sendMessage", c -> c.longValue("chat_id") == user.chatId() && c.failure() == null
                && c.text("text").contains(fragment));
    }

    /** Waits until {@code count} messages reached that chat (failed attempts not counted). */
    protected static List<ApiCall> awaitReplies(FakeUser user, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> delivered(user).size() >= count);
        return delivered(user);
    }

    protected static List<ApiCall> delivered(FakeUser user) {
        return sentTo(user).stream().filter(c -> c.failure() == null).toList();
    }

    /** Waits until the update is recorded as processed (its effects are committed). */
    protected void awaitProcessed(EnqueuedUpdate update) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM processed_inbound WHERE channel = 'TELEGRAM' AND dedupe_key LIKE ?")
                .params("update:" + update.updateId() + ":%").query(Long.class).single() > 0);
    }

    /** Waits until nothing is left to send on Telegram (earlier tests' retries included). */
    protected void awaitTelegramOutboxEmpty() {
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox.backlog(Channel.TELEGRAM) == 0);
    }

    /** Waits until every message queued for that chat is sent (or failed for good). */
    protected void awaitNothingPendingFor(FakeUser user) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM outbox WHERE channel = 'TELEGRAM' AND recipient = ? AND status = 'PENDING'")
                .params(String.valueOf(user.chatId())).query(Long.class).single() == 0);
    }

    protected Contact contactOf(FakeUser user) {
        return contacts.byTelegramChatId(user.chatId()).orElseThrow();
    }

    protected List<Ticket> ticketsOf(FakeUser user) {
        return contacts.byTelegramChatId(user.chatId()).map(c -> tickets.ticketsOf(c.id())).orElse(List.of());
    }

    /** The callback data of every button of a sent message. */
    protected static List<String> buttons(ApiCall call) {
        JsonNode markup = call.json("reply_markup");
        if (markup == null || !markup.has("inline_keyboard")) {
            return List.of();
        }
        java.util.ArrayList<String> data = new java.util.ArrayList<>();
        markup.get("inline_keyboard").forEach(row -> row.forEach(b -> data.add(b.path("callback_data").asText())));
        return data;
    }

    /** The labels of every button of a sent message. */
    protected static List<String> buttonLabels(ApiCall call) {
        JsonNode markup = call.json("reply_markup");
        if (markup == null || !markup.has("inline_keyboard")) {
            return List.of();
        }
        java.util.ArrayList<String> labels = new java.util.ArrayList<>();
        markup.get("inline_keyboard").forEach(row -> row.forEach(b -> labels.add(b.path("text").asText())));
        return labels;
    }

    /**
     * The Telegram message id of the bot message in that chat whose buttons include one matching {@code button}
     * (the newest such message), from the outbox ids the sender recorded and the fake's copy of the message.
     */
    protected int botMessageWithButton(FakeUser user, Predicate<String> button) {
        List<String> ids = jdbc.sql("""
                        SELECT external_id FROM outbox WHERE channel = 'TELEGRAM' AND recipient = ? AND status = 'SENT'
                        ORDER BY id DESC""")
                .params(String.valueOf(user.chatId())).query(String.class).list();
        for (String id : ids) {
            ObjectNode message = api.botMessage(user.chatId(), Integer.parseInt(id)).orElse(null);
            if (message == null || !message.has("reply_markup")) {
                continue;
            }
            for (JsonNode row : message.get("reply_markup").get("inline_keyboard")) {
                for (JsonNode b : row) {
                    if (button.test(b.path("callback_data").asText())) {
                        return Integer.parseInt(id);
                    }
                }
            }
        }
        throw new AssertionError("no bot message with such a button in chat " + user.chatId());
    }

    /** The Telegram id of the delivered bot message of that chat whose text contains {@code fragment}. */
    protected int awaitBotMessageId(FakeUser user, String fragment) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT COUNT(*) FROM outbox WHERE channel = 'TELEGRAM' AND recipient = ? AND status = 'SENT'
                            AND text_body LIKE ?""")
                .params(String.valueOf(user.chatId()), "%" + fragment + "%").query(Long.class).single() > 0);
        return Integer.parseInt(jdbc.sql("""
                        SELECT external_id FROM outbox WHERE channel = 'TELEGRAM' AND recipient = ? AND status = 'SENT'
                            AND text_body LIKE ? ORDER BY id DESC LIMIT 1""")
                .params(String.valueOf(user.chatId()), "%" + fragment + "%").query(String.class).single());
    }

    /** The chat's messages on tickets, in the order they were handled. */
    protected List<String> inboundInOrder(FakeUser user) {
        return jdbc.sql("""
                        SELECT m.body FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id
                        JOIN contacts c ON c.id = t.requester_id WHERE c.telegram_chat_id = ? AND m.direction = 'INBOUND'
                        ORDER BY m.id""")
                .params(user.chatId()).query(String.class).list();
    }

    /** Waits for the bot message carrying such a button to be delivered, and returns its id. */
    protected int awaitBotMessageWithButton(FakeUser user, Predicate<String> button) {
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> botMessageWithButton(user, button) > 0);
        return botMessageWithButton(user, button);
    }
}
