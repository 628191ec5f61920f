package fr.sommenumerique.helpdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.sommenumerique.helpdesk.HelpdeskApplication;
import fr.sommenumerique.helpdesk.cluster.PollerLeadership;
import fr.sommenumerique.helpdesk.cluster.PollerLocks;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.ApiCall;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.EnqueuedUpdate;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.Failure;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.FakeUser;
import fr.sommenumerique.helpdesk.telegram.bot.InlineButton;
import fr.sommenumerique.helpdesk.telegram.bot.InlineKeyboard;
import fr.sommenumerique.helpdesk.telegram.bot.PollingHealth;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramConfiguration;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramGateway;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramPollingRunner;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramProperties;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramUpdateHandler;
import fr.sommenumerique.helpdesk.telegram.chat.ChatUpdateHandler;
import fr.sommenumerique.helpdesk.telegram.chat.FloodReplays;
import fr.sommenumerique.helpdesk.telegram.delivery.BotMessage;
import fr.sommenumerique.helpdesk.telegram.delivery.FeedbackButtons;
import fr.sommenumerique.helpdesk.telegram.delivery.MessageOptions;
import fr.sommenumerique.helpdesk.telegram.delivery.SentParts;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramDeliveryProperties;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutbound;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutboxSender;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.OutboxStatus;
import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
import fr.sommenumerique.helpdesk.ticketing.QuarantinedItem;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.testdb.TestDatabases;

/** Restarts, Telegram errors, floods, failures: nothing is done twice, nothing is lost, nothing gets stuck. */
class TelegramRobustnessTest extends TelegramChannelTestBase {

    private static final String ANSWERED_QUESTION = "Quel type de certificat faut il pour envoyer sur Actes ?";
    private static final String INCIDENT = "je n'arrive plus à me connecter à la plateforme marchés, mot de passe refusé";

    @Autowired
    TelegramPollingRunner runner;
    @Autowired
    TelegramProperties properties;
    @Autowired
    TelegramUpdateHandler handler;
    @Autowired
    AutowireCapableBeanFactory beanFactory;
    @Autowired
    TelegramOutbound outbound;
    @Autowired
    TelegramOutboxSender sender;
    @Autowired
    TelegramGateway gateway;
    @Autowired
    MessageOptions messageOptions;
    @Autowired
    FeedbackButtons feedbackButtons;
    @Autowired
    TelegramDeliveryProperties deliveryProperties;
    @Autowired
    SentParts sentParts;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    FloodReplays floodReplays;
    @Autowired
    PollerLocks pollerLocks;
    @Autowired
    DataSource dataSource;

    @Test
    void updatesDeliveredAgainAfterARestartAreNotProcessedTwice() {
        FakeUser user = newUser();
        EnqueuedUpdate question = api.enqueueText(user, INCIDENT);
        api.enqueueCommand(user, "/ticket", "Le certificat RGS de l'adjoint a expiré hier");
        api.enqueueCommand(user, "/services", null);
        awaitReplies(user, 3);
        int menu = awaitBotMessageWithButton(user, "svc:formation"::equals);
        EnqueuedUpdate press = api.enqueueCallbackQuery(user, menu, "svc:formation");
        awaitReply(user, "Formations et présentations");
        awaitNothingPendingFor(user);
        List<Ticket> ticketsBefore = ticketsOf(user);
        long queuedBefore = queuedFor(user);
        int sentBefore = delivered(user).size();
        assertThat(ticketsBefore).hasSize(2);

        runner.stop();
        try {
            // Telegram serves them again, as after a crash before the confirmation reached it
            api.redeliverFrom(question.updateId());
            PollingHealth health = new PollingHealth();
            TelegramPollingRunner restarted = new TelegramPollingRunner(properties, () -> handler, health);
            restarted.start();
            try {
                await().atMost(Duration.ofSeconds(15)).until(() -> health.snapshot().lastHandledUpdateId() != null
                        && health.snapshot().lastHandledUpdateId() >= press.updateId());
                assertThat(health.snapshot().handledUpdates()).isEqualTo(4);
            } finally {
                restarted.stop();
            }
        } finally {
            runner.start();
        }

        assertThat(ticketsOf(user)).extracting(Ticket::id).isEqualTo(ticketsBefore.stream().map(Ticket::id).toList());
        assertThat(ticketsOf(user)).allSatisfy(t -> assertThat(tickets.messages(t.id())
                .stream().filter(m -> m.direction() == MessageDirection.INBOUND)).hasSize(1));
        assertThat(queuedFor(user)).isEqualTo(queuedBefore);
        api.enqueueCommand(user, "/aide", null);
        awaitReply(user, "Ce que je sais faire");
        assertThat(delivered(user)).hasSize(sentBefore + 1);
    }

    @Test
    void tooManyRequestsAndServerErrorsDelaySendingButTheReplyArrivesAndPollingGoesOn() {
        awaitTelegramOutboxEmpty();
        api.failNext("sendMessage", 1, Failure.tooManyRequests(1));
        api.failNext("sendMessage", 1, Failure.serverError());
        api.failNext("getUpdates", 2, Failure.serverError());
        FakeUser user = newUser();

        api.enqueueText(user, ANSWERED_QUESTION);

        ApiCall answer = awaitReply(user, "RGS");
        List<ApiCall> attempts = sentTo(user);
        assertThat(attempts).extracting(ApiCall::failure).containsExactly("429", "500", null);
        assertThat(Duration.between(attempts.get(0).receivedAt(), attempts.get(1).receivedAt()))
                .as("retry_after of 1 s honoured").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(buttons(answer)).hasSize(2);
        OutboxMessage sent = outbox.ofTicket(ticketsOf(user).get(0).id()).get(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.byId(sent.id()).orElseThrow().status() == OutboxStatus.SENT);
        OutboxMessage done = outbox.byId(sent.id()).orElseThrow();
        assertThat(done.attempts()).as("the 429 asked us to wait: it uses up no attempt, the 500 does").isEqualTo(1);
        assertThat(done.lastError()).contains("500");

        api.enqueueCommand(user, "/horaires", null);
        awaitReply(user, "L'équipe de Somme Numérique vous répond");
    }

    @Test
    void aBotBlockedByTheUserFailsTheMessageForGoodWithoutRetrying() {
        FakeUser user = newUser();
        api.blockBotIn(user.chatId());
        api.enqueueCommand(user, "/start", null);

        await().atMost(Duration.ofSeconds(15)).until(() -> outboxOf(user).stream()
                .anyMatch(m -> m.status() == OutboxStatus.FAILED));
        OutboxMessage failed = outboxOf(user).get(0);
        assertThat(failed.lastError()).contains("bloqué", "403");
        assertThat(sentTo(user)).hasSize(1);
    }

    @Test
    void aFloodIsSetAsideInTheQuarantineThePersonIsToldOnceAndItIsHandledOnceTheBurstIsOver() {
        FakeUser user = newUser();
        List<EnqueuedUpdate> updates = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            updates.add(api.enqueueText(user, "Message " + i + " : la plateforme Actes refuse mon certificat"));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> quarantined(updates.get(9)).isPresent());
        awaitReply(user, "beaucoup de messages en peu de temps");
        for (int i = 0; i < 8; i++) {
            awaitProcessed(updates.get(i));
        }
        QuarantinedItem ninth = quarantined(updates.get(8)).orElseThrow();
        assertThat(ninth.reason()).contains("Trop de messages");

        // once the chat has been quiet for flood-quiet, the two set-aside messages are handled, in order
        await().atMost(Duration.ofSeconds(20)).until(() -> inboundTexts(user).size() == 10);
        assertThat(inboundTexts(user)).filteredOn(t -> t.startsWith("Message 9 ") || t.startsWith("Message 10 "))
                .hasSize(2);
        assertThat(setAside(updates)).hasSize(2).allMatch(i -> i.status() == QuarantineStatus.RETRIED);
        awaitNothingPendingFor(user);
        assertThat(delivered(user)).filteredOn(c -> c.text("text").contains("beaucoup de messages")).hasSize(1);
    }

    @Test
    void aFloodedBatchDeliveredAgainAfterARestartIsNeitherDuplicatedNorSetAsideAgainNorAnnouncedTwice() {
        FakeUser user = newUser();
        List<EnqueuedUpdate> updates = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            updates.add(api.enqueueText(user, "Message " + i + " : le parapheur électronique ne s'ouvre plus"));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> quarantined(updates.get(9)).isPresent());
        for (int i = 0; i < 8; i++) {
            awaitProcessed(updates.get(i));
        }
        awaitReply(user, "beaucoup de messages en peu de temps");
        awaitNothingPendingFor(user);
        List<String> textsBefore = inboundTexts(user);
        long queuedBefore = queuedFor(user);
        assertThat(textsBefore).hasSize(8);
        assertThat(setAside(updates)).hasSize(2);

        runner.stop();
        try {
            api.redeliverFrom(updates.get(0).updateId());
            // a new handler, as after a restart: its in-memory flood allowance starts full again
            TelegramUpdateHandler afterRestart = beanFactory.createBean(ChatUpdateHandler.class);
            PollingHealth health = new PollingHealth();
            TelegramPollingRunner restarted = new TelegramPollingRunner(properties, () -> afterRestart, health);
            restarted.start();
            try {
                await().atMost(Duration.ofSeconds(15)).until(() -> health.snapshot().lastHandledUpdateId() != null
                        && health.snapshot().lastHandledUpdateId() >= updates.get(9).updateId());
                assertThat(health.snapshot().handledUpdates()).isEqualTo(10);
                // the duplicates used none of the chat's allowance: the next message is answered normally
                api.enqueueCommand(user, "/aide", null);
                awaitReply(user, "Ce que je sais faire");
            } finally {
                restarted.stop();
            }
        } finally {
            runner.start();
        }

        // the set-aside pair is handled once the burst is over, each message once, whatever was delivered again
        await().atMost(Duration.ofSeconds(20)).until(() -> inboundTexts(user).size() == 10);
        awaitNothingPendingFor(user);
        assertThat(inboundTexts(user)).containsAll(textsBefore).doesNotHaveDuplicates();
        assertThat(queuedFor(user)).isGreaterThan(queuedBefore);
        assertThat(setAside(updates)).hasSize(2);
        assertThat(delivered(user)).filteredOn(c -> c.text("text").contains("beaucoup de messages")).hasSize(1);
    }

    @Test
    void messagesStillSetAsideWhenTheProcessStopsAreReplayedAtTheNextStartOnceAndInOrder() {
        floodReplays.stop(); // the process dies during the burst: nothing replays what was set aside
        FloodReplays afterRestart = null;
        try {
            FakeUser user = newUser();
            List<EnqueuedUpdate> updates = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                updates.add(api.enqueueText(user, "Message " + i + " : le parapheur électronique ne s'ouvre plus"));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> quarantined(updates.get(9)).isPresent());
            await().atMost(Duration.ofSeconds(15)).until(() -> inboundInOrder(user).size() == 8);
            // well past flood-quiet, nothing was replayed; a later message waits behind the set-aside ones
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8))
                    .until(() -> inboundInOrder(user).size() == 8);
            updates.add(api.enqueueText(user, "Message 11 : le parapheur électronique ne s'ouvre plus"));
            await().atMost(Duration.ofSeconds(15)).until(() -> quarantined(updates.get(10)).isPresent());
            assertThat(setAside(updates)).hasSize(3);
            // staff hand the ninth back meanwhile: processed, but still on the chat's waiting list
            quarantine.markRetried(quarantined(updates.get(8)).orElseThrow().id(), "agent.durand");
            assertThat(inboundInOrder(user)).hasSize(9);

            afterRestart = beanFactory.createBean(FloodReplays.class);
            afterRestart.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                            SELECT COUNT(*) FROM telegram_set_aside WHERE chat_id = ? AND replayed_at IS NULL""")
                    .params(user.chatId()).query(Long.class).single() == 0);
            List<String> texts = inboundInOrder(user);
            assertThat(texts).hasSize(11).doesNotHaveDuplicates();
            for (int i = 1; i <= 11; i++) {
                assertThat(texts.get(i - 1)).startsWith("Message " + i + " ");
            }
            assertThat(setAside(updates)).hasSize(3).allMatch(i -> i.status() == QuarantineStatus.RETRIED);
        } finally {
            if (afterRestart != null) {
                afterRestart.stop();
            }
        }
        try {
            // stopped, the replays leave no thread behind (one that has just ended may still be listed for a moment)
            await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("telegram-flood-replay") && t.isAlive()
                            && t.getThreadGroup() != null));
        } finally {
            floodReplays.start();
        }
    }

    /**
     * A second instance of the application on the same database, with the same bot: while it does not read the bot,
     * it replays nothing of a burst waiting at its start, well past flood-quiet; once the first instance stops reading
     * the bot, the second takes it over and replays the burst, in order, each message once. (The first instance's
     * replays are paused so that a replay could only come from the second.)
     */
    @Test
    void onlyTheInstanceReadingTheBotReplaysAndOneTakingTheBotOverPicksUpWhatWaits() throws Exception {
        floodReplays.stop();
        ConfigurableApplicationContext second = null;
        try {
            FakeUser user = newUser();
            List<EnqueuedUpdate> updates = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                updates.add(api.enqueueText(user, "Message " + i + " : le parapheur électronique ne s'ouvre plus"));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> quarantined(updates.get(9)).isPresent());
            await().atMost(Duration.ofSeconds(15)).until(() -> inboundInOrder(user).size() == 8);

            second = anotherInstanceOnTheSameDatabase();
            PollerLeadership secondReadsTheBot = second.getBean(TelegramConfiguration.BOT_LEADERSHIP,
                    PollerLeadership.class);
            assertThat(secondReadsTheBot.isLeader()).isFalse();
            await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(9))
                    .until(() -> inboundInOrder(user).size() == 8);

            // this instance stops reading the bot (as on a clean stop): the second takes it over and replays
            runner.stop();
            pollerLocks.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> inboundInOrder(user).size() == 10);
            assertThat(secondReadsTheBot.isLeader()).isTrue();
            List<String> texts = inboundInOrder(user);
            for (int i = 1; i <= 10; i++) {
                assertThat(texts.get(i - 1)).startsWith("Message " + i + " ");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                            SELECT COUNT(*) FROM telegram_set_aside WHERE chat_id = ? AND replayed_at IS NULL""")
                    .params(user.chatId()).query(Long.class).single() == 0);
            assertThat(setAside(updates)).hasSize(2).allMatch(i -> i.status() == QuarantineStatus.RETRIED);
        } finally {
            if (second != null) {
                second.close();
            }
            pollerLocks.start();
            runner.start();
            floodReplays.start();
        }
        FakeUser afterwards = newUser();
        api.enqueueText(afterwards, "Bonjour, mon certificat RGS a expiré");
        await().atMost(Duration.ofSeconds(30)).until(() -> !inboundInOrder(afterwards).isEmpty());
    }

    /** The application started again, as a second instance would be, on this context's database and fake Bot API. */
    private ConfigurableApplicationContext anotherInstanceOnTheSameDatabase() throws Exception {
        String databaseUrl;
        try (Connection connection = dataSource.getConnection()) {
            databaseUrl = connection.getMetaData().getURL();
        }
        return new SpringApplicationBuilder(HelpdeskApplication.class).profiles("test")
                .web(WebApplicationType.NONE)
                .initializers(new TokenInEnvironment())
                .run("--spring.datasource.url=" + databaseUrl,
                        "--helpdesk.mail.enabled=false",
                        "--helpdesk.telegram.api-url=" + api.apiUrl(),
                        "--helpdesk.telegram.polling-timeout=1s",
                        "--helpdesk.telegram.delivery.interval=200ms",
                        "--helpdesk.telegram.chat.flood-messages=8");
    }

    @Test
    void buttonPressesBeyondTheLimitAreAnsweredWithANoticeAndNotActedOn() {
        FakeUser user = newUser();
        api.enqueueCommand(user, "/services", null);
        int menu = awaitBotMessageWithButton(user, "svc:formation"::equals);
        awaitNothingPendingFor(user);
        int before = delivered(user).size();

        List<EnqueuedUpdate> presses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            presses.add(api.enqueueCallbackQuery(user, menu, "svc:formation"));
        }

        List<Boolean> refused = presses.stream().map(p -> api.awaitCall("answerCallbackQuery",
                        c -> p.callbackQueryId().equals(c.text("callback_query_id"))))
                .map(a -> "Trop d'appuis en peu de temps : patientez un instant, puis réessayez.".equals(a.text("text")))
                .toList();
        long refusedCount = refused.stream().filter(r -> r).count();
        // 8 presses a minute in these tests (the allowance refills by one every 7.5 s)
        assertThat(refusedCount).isBetween(3L, 4L);
        assertThat(refused.subList(0, 8)).containsOnly(false);
        awaitNothingPendingFor(user);
        assertThat(delivered(user).subList(before, delivered(user).size()))
                .hasSize(12 - (int) refusedCount)
                .allSatisfy(c -> assertThat(c.text("text")).contains("Formations et présentations"));
    }

    @Test
    void editsBeyondTheLimitAreSetAsideLikeMessages() {
        FakeUser user = newUser();
        EnqueuedUpdate original = api.enqueueText(user, INCIDENT);
        awaitReply(user, "Nous avons bien reçu votre message");
        Ticket ticket = ticketsOf(user).get(0);

        List<EnqueuedUpdate> edits = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            edits.add(api.enqueueEditedMessage(user, original.messageId(), "Correction " + i + " : " + INCIDENT));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> quarantined(edits.get(9)).isPresent());
        int setAside = setAside(edits).size();
        // 8 a minute in these tests, one of which the message itself used
        assertThat(setAside).isBetween(2, 3);
        assertThat(setAside(edits)).extracting(QuarantinedItem::sourceRef)
                .allSatisfy(ref -> assertThat(ref).contains("edited_message"));
        assertThat(tickets.messages(ticket.id()).get(0).text()).startsWith("Correction " + (10 - setAside) + " : ");
        awaitReply(user, "beaucoup de messages en peu de temps");
        awaitNothingPendingFor(user);
        assertThat(delivered(user)).filteredOn(c -> c.text("text").contains("beaucoup de messages")).hasSize(1);
    }

    @Test
    void aMarkdownMessageTelegramCannotParseIsSentAgainAsPlainTextWithItsButtons() {
        FakeUser user = newUser();
        // '.', '-' and '!' left unescaped: Telegram answers 400 "can't parse entities"
        BotMessage broken = BotMessage.markdown("*Horaires* : du lundi au vendredi, 9h-12h. Bonne journée!")
                .withKeyboard(InlineKeyboard.row(InlineButton.of("📜 Actes", "svc:actes")));

        OutboxMessage queued = new TransactionTemplate(transactions).execute(s -> outbound.toChat(user.chatId(), broken));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> outbox.byId(queued.id()).orElseThrow().status() == OutboxStatus.SENT);
        List<ApiCall> attempts = sentTo(user);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).text("parse_mode")).isEqualTo("MarkdownV2");
        assertThat(attempts.get(1).text("parse_mode")).isNull();
        assertThat(attempts.get(1).text("text")).isEqualTo("Horaires : du lundi au vendredi, 9h-12h. Bonne journée!");
        assertThat(buttons(attempts.get(1))).containsExactly("svc:actes");
        int shown = Integer.parseInt(outbox.byId(queued.id()).orElseThrow().externalId());
        assertThat(api.botMessage(user.chatId(), shown).orElseThrow().get("text").asText())
                .isEqualTo("Horaires : du lundi au vendredi, 9h-12h. Bonne journée!");
    }

    @Test
    void aLongMessageCutOffAfterItsFirstPartGoesOnAfterARestartWithoutSendingThatPartAgain() {
        awaitTelegramOutboxEmpty();
        FakeUser user = newUser();
        StringBuilder long_ = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            long_.append(i == 1 ? "" : "\n\n").append("Paragraphe ").append(i)
                    .append(" : la délibération est transmise à la préfecture par la plateforme Actes.");
        }
        String text = long_.toString();
        assertThat(text.length()).isBetween(4097, 8000);

        sender.stop();
        try {
            api.failAfter("sendMessage", 1, 1000, Failure.serverError());
            OutboxMessage queued = new TransactionTemplate(transactions)
                    .execute(s -> outbound.toChat(user.chatId(), BotMessage.plain(text)));
            sender.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> sentTo(user).stream().anyMatch(c -> c.failure() != null));
            sender.stop(); // the application stops with the second part still to send
            api.clearFailures();
            assertThat(delivered(user)).hasSize(1);

            // after the restart: a new sender, nothing in memory
            TelegramOutboxSender restarted = new TelegramOutboxSender(outbox, gateway, messageOptions, feedbackButtons,
                    deliveryProperties, List.of(), sentParts, Clock.systemUTC());
            restarted.start();
            try {
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> outbox.byId(queued.id()).orElseThrow().status() == OutboxStatus.SENT);
            } finally {
                restarted.stop();
            }
            assertThat(sentParts.of(queued.id())).isZero();
        } finally {
            api.clearFailures();
            sender.start();
        }

        List<String> parts = delivered(user).stream().map(c -> c.text("text")).toList();
        assertThat(parts).hasSize(2).doesNotHaveDuplicates();
        assertThat(parts.get(0)).startsWith("Paragraphe 1 :");
        assertThat(String.join("\n\n", parts)).isEqualTo(text);
    }

    @Test
    void anUpdateThatFailsIsQuarantinedThePersonToldAndTheNextOnesGoOn() {
        FakeUser user = newUser();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5};
        api.failNext("download", 1, Failure.serverError());

        EnqueuedUpdate photo = api.enqueuePhoto(user, jpeg, "Capture de l'erreur sur Actes");

        awaitReply(user, "Je n'ai pas pu traiter votre message automatiquement");
        QuarantinedItem item = quarantined(photo).orElseThrow();
        assertThat(item.reason()).contains("500");
        assertThat(new String(quarantine.raw(item.id()).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"update_id\":" + photo.updateId(), "Capture de l'erreur sur Actes");
        assertThat(ticketsOf(user)).isEmpty();
        api.enqueueCommand(user, "/aide", null);
        awaitReply(user, "Ce que je sais faire");

        quarantine.markRetried(item.id(), "agent.durand");

        assertThat(quarantine.byId(item.id()).orElseThrow().status()).isEqualTo(QuarantineStatus.RETRIED);
        Ticket ticket = ticketsOf(user).get(0);
        TicketMessage first = tickets.messages(ticket.id()).get(0);
        assertThat(first.text()).isEqualTo("Capture de l'erreur sur Actes");
        assertThat(first.attachments()).singleElement()
                .satisfies(a -> assertThat(tickets.attachment(a.id()).orElseThrow().data()).isEqualTo(jpeg));
    }

    @Test
    void aMessageWhoseTransactionWaitedTooLongForALockIsHandledOnANewTryNotQuarantined() throws Exception {
        FakeUser user = newUser();
        api.enqueueText(user, INCIDENT);
        awaitReply(user, "Nous avons bien reçu votre message"); // the year's reference counter exists
        EnqueuedUpdate second;
        try (Connection other = dataSource.getConnection()) {
            // another transaction (a group of mails, another instance) holds the reference counters longer than
            // H2's lock wait (2 s) after the message's transaction started waiting, so its first try fails (on
            // PostgreSQL, which waits as long as it takes, the test only shows the message is handled)
            other.setAutoCommit(false);
            other.createStatement().executeQuery("SELECT * FROM reference_counters FOR UPDATE").close();
            second = api.enqueueText(user, "Bonjour, le certificat RGS du maire a expiré, on ne peut plus signer");
            await().atMost(Duration.ofSeconds(15)).until(() -> TestDatabases.aSessionWaitsForALock(other));
            Thread.sleep(2_300);
            other.commit();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> ticketsOf(user).size() == 2);
        assertThat(quarantined(second)).isEmpty();
    }

    private Optional<QuarantinedItem> quarantined(EnqueuedUpdate update) {
        return quarantine.list(QuarantineStatus.QUARANTINED, 0, 200).items().stream()
                .filter(i -> i.sourceRef() != null && i.sourceRef().startsWith("update " + update.updateId() + " "))
                .findFirst()
                .or(() -> quarantine.list(QuarantineStatus.RETRIED, 0, 200).items().stream()
                        .filter(i -> i.sourceRef() != null && i.sourceRef().startsWith("update " + update.updateId() + " "))
                        .findFirst());
    }

    /** Quarantine items (any status) holding one of these updates. */
    private List<QuarantinedItem> setAside(List<EnqueuedUpdate> updates) {
        List<QuarantinedItem> items = new ArrayList<>();
        for (QuarantineStatus status : QuarantineStatus.values()) {
            items.addAll(quarantine.list(status, 0, 200).items());
        }
        return items.stream().filter(i -> i.sourceRef() != null && updates.stream()
                .anyMatch(u -> i.sourceRef().startsWith("update " + u.updateId() + " "))).toList();
    }

    private List<String> inboundTexts(FakeUser user) {
        return ticketsOf(user).stream().flatMap(t -> tickets.messages(t.id()).stream())
                .filter(m -> m.direction() == MessageDirection.INBOUND).map(TicketMessage::text).toList();
    }

    private long queuedFor(FakeUser user) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE channel = 'TELEGRAM' AND recipient = ?")
                .params(String.valueOf(user.chatId())).query(Long.class).single();
    }

    private List<OutboxMessage> outboxOf(FakeUser user) {
        return jdbc.sql("SELECT id FROM outbox WHERE channel = 'TELEGRAM' AND recipient = ? ORDER BY id")
                .params(String.valueOf(user.chatId())).query(Long.class).list().stream()
                .map(id -> outbox.byId(id).orElseThrow()).toList();
    }
}
