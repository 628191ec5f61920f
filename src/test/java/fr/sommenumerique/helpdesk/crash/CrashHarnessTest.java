package fr.sommenumerique.helpdesk.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.sommenumerique.helpdesk.assistant.DecisionKind;
import fr.sommenumerique.helpdesk.assistant.EvaluationSet;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.FakeUser;
import fr.sommenumerique.helpdesk.testdb.TestDatabases;
import fr.sommenumerique.helpdesk.testdb.TestPostgres;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Every promise of the mail and Telegram channels, checked against a helpdesk that is really killed: the
 * application runs as a separate process on a throw-away folder (its default H2 file database), reads a GreenMail
 * mailbox, sends through a GreenMail relay, polls the fake Bot API. Mails and Telegram updates arrive while it is
 * repeatedly started and {@code kill -9}ed at random moments; a last run drains everything and stops normally.
 * Then, from the database and the servers: every inbound message had exactly one effect, no reference was given
 * twice or to the wrong person, no message was answered twice, everything flagged on the mail server is in the
 * database, and nothing is left unprocessed.
 */
class CrashHarnessTest {

    private static final String SUPPORT = "support@mairie-connectee.local";
    private static final String SUPPORT_PASSWORD = "motdepasse-crash";
    private static final String PROCESSED_FLAG = "$HelpdeskProcessed";
    private static final int PEOPLE_MAILS = 270;
    private static final int OUT_OF_OFFICE_MAILS = 30;
    private static final int TELEGRAM_UPDATES = 200;
    private static final int KILLS = 6;
    private static final int TWO_INSTANCE_KILLS = 4;
    private static final String MAILBOX_LEADER = "Cette instance lit désormais la boîte";
    private static final String BOT_LEADER = "Cette instance lit désormais le bot";
    private static final Pattern REFERENCE = Pattern.compile("\\b(?:MC|DA)-\\d{4}-\\d{5}\\b");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // kept when the test fails: helpdesk/helpdesk.log tells what happened
    Path workDir;

    private GreenMail mailbox;
    private GreenMail relay;
    private FakeTelegramBotApi telegram;
    private HelpdeskProcess running;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.kill();
        }
        if (mailbox != null) {
            mailbox.stop();
        }
        if (relay != null) {
            relay.stop();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void every_inbound_message_has_one_effect_and_one_answer_across_kill_9() throws Exception {
        Random random = startServers();
        Traffic traffic = new Traffic(questions(), random.nextLong());
        List<Long> killedAfterMillis = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            running = start();
            running.awaitReady(Duration.ofMinutes(3));
            // a burst arrives while it runs; it is killed while busy with it (or with what is left of the last one)
            traffic.deliverPart(kill, KILLS);
            long wait = 100 + random.nextInt(1900);
            Thread.sleep(wait);
            running.kill();
            killedAfterMillis.add(wait);
        }

        running = start();
        running.awaitReady(Duration.ofMinutes(3));
        awaitQuiet(traffic);
        assertThat(running.stop()).as("clean stop after SIGTERM").isIn(0, 143);

        Counts counts;
        String url = "jdbc:h2:file:" + workDir.resolve("helpdesk/data/helpdesk").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            counts = check(traffic, JdbcClient.create(new SingleConnectionDataSource(connection, true)));
        }
        System.out.printf("Crash harness: %d kill -9 (%s ms after a burst), %d starts; %d mails (%d from people, "
                        + "%d out-of-office), %d Telegram updates; processed: %d mails, %d updates; tickets %d, "
                        + "subscription requests %d; mail replies %d (%d copies sent again with the same Message-ID); "
                        + "Telegram replies %d, held as uncertain for staff %d; references quoted %d, all distinct "
                        + "and to the right person; outbox left pending 0%n",
                KILLS, killedAfterMillis, KILLS + 1, traffic.mails.size(), PEOPLE_MAILS, OUT_OF_OFFICE_MAILS,
                TELEGRAM_UPDATES, counts.mailsProcessed, counts.updatesProcessed, counts.tickets, counts.requests,
                counts.mailReplies, counts.mailCopies, counts.telegramReplies, counts.uncertain, counts.references);
    }

    /**
     * The same traffic and checks with two instances sharing one PostgreSQL database: after each burst the instance
     * reading the mailbox (or, every other time, the one polling Telegram) is killed with SIGKILL, and the other must
     * take over once the dead one's lock expires; the killed one is started again and waits as standby.
     */
    @Test
    void two_instances_on_postgresql_lose_nothing_and_answer_once_when_the_reading_one_is_killed() throws Exception {
        Random random = startServers();
        Traffic traffic = new Traffic(questions(), random.nextLong());
        String database = TestPostgres.newDatabase("crash_two_instances");
        Map<String, String> postgres = Map.of("spring.datasource.url", database,
                "spring.datasource.username", TestPostgres.USER, "spring.datasource.password", "");
        List<HelpdeskProcess> instances = new ArrayList<>();
        int starts = 0;
        for (int i = 0; i < 2; i++) {
            instances.add(start("instance-" + starts++, postgres));
        }
        for (HelpdeskProcess instance : instances) {
            instance.awaitReady(Duration.ofMinutes(3));
        }
        List<Long> takeoverMillis = new ArrayList<>();
        try {
            for (int kill = 0; kill < TWO_INSTANCE_KILLS; kill++) {
                String channel = kill % 2 == 0 ? MAILBOX_LEADER : BOT_LEADER;
                traffic.deliverPart(kill, TWO_INSTANCE_KILLS);
                Thread.sleep(100 + random.nextInt(1900));
                HelpdeskProcess reader = awaitLeader(instances, channel);
                HelpdeskProcess other = instances.get(1 - instances.indexOf(reader));
                int grantsBefore = other.countLogLines(channel);
                long killedAt = System.nanoTime();
                reader.kill();
                long deadline = killedAt + Duration.ofSeconds(60).toNanos();
                while (other.countLogLines(channel) == grantsBefore && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(other.countLogLines(channel)).as("the other instance took over " + channel).isGreaterThan(grantsBefore);
                takeoverMillis.add((System.nanoTime() - killedAt) / 1_000_000);
                HelpdeskProcess restarted = start("instance-" + starts++, postgres);
                instances.set(instances.indexOf(reader), restarted);
                restarted.awaitReady(Duration.ofMinutes(3));
            }
            awaitQuiet(traffic);
            for (HelpdeskProcess instance : instances) {
                assertThat(instance.stop()).as("clean stop after SIGTERM").isIn(0, 143);
            }
        } finally {
            for (HelpdeskProcess instance : instances) {
                if (instance.isAlive()) {
                    instance.kill();
                }
            }
        }

        Counts counts = check(traffic, JdbcClient.create(TestDatabases.dataSource(database)));
        System.out.printf("Crash harness, two instances on PostgreSQL: %d kill -9 of the instance reading the mailbox "
                        + "or the bot, the other took over after %s ms (lock-ttl 10 s); processed: %d mails, %d updates; "
                        + "tickets %d, subscription requests %d; mail replies %d (%d copies sent again with the same "
                        + "Message-ID); Telegram replies %d, held as uncertain for staff %d; references quoted %d, all "
                        + "distinct and to the right person; outbox left pending 0%n",
                TWO_INSTANCE_KILLS, takeoverMillis, counts.mailsProcessed, counts.updatesProcessed, counts.tickets,
                counts.requests, counts.mailReplies, counts.mailCopies, counts.telegramReplies, counts.uncertain,
                counts.references);
    }

    /** The instance whose log says last that it reads this channel (waits for one, at most a minute). */
    private static HelpdeskProcess awaitLeader(List<HelpdeskProcess> instances, String channel) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            for (HelpdeskProcess instance : instances) {
                if (instance.countLogLines(channel) > instance.countLogLines(channel.replace("lit désormais", "ne lit plus"))) {
                    return instance;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no instance reads " + channel);
    }

    private Random startServers() {
        mailbox = new GreenMail(new ServerSetup[]{ServerSetup.SMTP.dynamicPort(), ServerSetup.IMAP.dynamicPort()});
        mailbox.start();
        mailbox.setUser(SUPPORT, SUPPORT, SUPPORT_PASSWORD);
        relay = new GreenMail(ServerSetup.SMTP.dynamicPort());
        relay.start();
        telegram = FakeTelegramBotApi.start();
        long seed = System.nanoTime();
        System.out.println("Crash harness: random seed " + seed + ", folder " + workDir);
        return new Random(seed);
    }

    private HelpdeskProcess start() {
        return start("helpdesk", Map.of());
    }

    /** The helpdesk in {@code workDir/folder}, with these settings added to the harness's own. */
    private HelpdeskProcess start(String folder, Map<String, String> settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("helpdesk.knowledge.folder", Path.of("knowledge-base").toAbsolutePath().toString());
        properties.put("helpdesk.mail.address", SUPPORT);
        properties.put("helpdesk.mail.imap.host", "127.0.0.1");
        properties.put("helpdesk.mail.imap.port", String.valueOf(mailbox.getImap().getPort()));
        properties.put("helpdesk.mail.imap.security", "NONE");
        properties.put("helpdesk.mail.imap.username", SUPPORT);
        properties.put("helpdesk.mail.imap.password", SUPPORT_PASSWORD);
        properties.put("helpdesk.mail.imap.idle-refresh", "1s");
        properties.put("helpdesk.mail.smtp.host", "127.0.0.1");
        properties.put("helpdesk.mail.smtp.port", String.valueOf(relay.getSmtp().getPort()));
        properties.put("helpdesk.mail.smtp.security", "NONE");
        // a killed process's claims come back after the lease: short here, so that the test need not wait 5 min
        properties.put("helpdesk.outbox.lease", "3s");
        properties.put("helpdesk.telegram.api-url", telegram.apiUrl().toString());
        properties.put("helpdesk.telegram.polling-timeout", "2s");
        properties.putAll(settings);
        return HelpdeskProcess.start(workDir.resolve(folder), properties,
                Map.of("TELEGRAM_BOT_TOKEN", telegram.token()));
    }

    /** Waits until every mail is flagged, every update confirmed, and nothing more is sent for a while. */
    private void awaitQuiet(Traffic traffic) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        String last = "";
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long flagged = supportInbox().stream().filter(m -> m.getFlags().contains(PROCESSED_FLAG)).count();
            String now = flagged + "/" + telegram.pendingUpdateCount() + "/" + relay.getReceivedMessages().length + "/"
                    + telegram.calls("sendMessage").size();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            } else if (flagged == traffic.mails.size() && telegram.pendingUpdateCount() == 0
                    && System.nanoTime() - stableSince > Duration.ofSeconds(8).toNanos()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the helpdesk did not finish its work (flagged/pending updates/mail sent/Telegram "
                + "sent: " + last + ")");
    }

    record Counts(int mailsProcessed, int updatesProcessed, long tickets, long requests, int mailReplies,
                  int mailCopies, int telegramReplies, int uncertain, int references) {
    }

    private Counts check(Traffic traffic, JdbcClient db) throws Exception {
        assertThat(db.sql("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'").query(Long.class).single())
                .as("outbox messages left unsent").isZero();
        // Updates a chat's flood limit set aside sit in the quarantine until replayed; any other row is a failure.
        assertThat(db.sql("""
                SELECT q.channel || ' ' || q.status || ': ' || q.reason FROM quarantine q
                    WHERE q.status = 'QUARANTINED' OR NOT EXISTS (SELECT 1 FROM telegram_set_aside s
                        WHERE s.quarantine_id = q.id AND s.replayed_at IS NOT NULL)""").query(String.class).list())
                .as("quarantined").isEmpty();

        // Everything flagged on the server is in the database, and everything is flagged.
        Set<String> processedMailIds = new HashSet<>(db.sql(
                "SELECT message_id FROM processed_inbound WHERE channel = 'EMAIL'").query(String.class).list());
        List<StoredMessage> inbox = supportInbox();
        assertThat(inbox).hasSize(traffic.mails.size());
        for (StoredMessage stored : inbox) {
            String messageId = stored.getMimeMessage().getMessageID().replaceAll("[<>]", "");
            assertThat(stored.getFlags().contains(PROCESSED_FLAG)).as("flagged: " + messageId).isTrue();
            assertThat(processedMailIds).as("flagged on the server and recorded: " + messageId).contains(messageId);
        }
        assertThat(processedMailIds).hasSize(traffic.mails.size());

        // Every update confirmed to Telegram is recorded, once.
        assertThat(telegram.pendingUpdateCount()).as("updates not confirmed to Telegram").isZero();
        Map<Integer, Integer> updates = new TreeMap<>();
        for (String key : db.sql("SELECT dedupe_key FROM processed_inbound WHERE channel = 'TELEGRAM'")
                .query(String.class).list()) {
            Matcher m = Pattern.compile("^update:(\\d+):").matcher(key);
            if (m.find()) {
                updates.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
            }
        }
        assertThat(updates.keySet()).containsExactlyInAnyOrderElementsOf(traffic.updateIds);
        assertThat(updates.values()).as("records per update").containsOnly(1);

        // One effect per message from a person: exactly one ticket or one subscription request each (a request with
        // the ticket linked to it for a question the assistant could not answer counts once).
        Map<String, Long> mailEffects = effectsPerContact(db, "c.email");
        for (String sender : traffic.peopleSenders) {
            assertThat(mailEffects.getOrDefault(sender, 0L)).as("tickets + requests of " + sender).isEqualTo(1);
        }
        Map<String, Long> chatEffects = effectsPerContact(db, "CAST(c.telegram_chat_id AS VARCHAR(30))");
        for (FakeUser user : traffic.users) {
            assertThat(chatEffects.getOrDefault(String.valueOf(user.chatId()), 0L))
                    .as("tickets + requests of chat " + user.chatId()).isEqualTo(1);
        }

        // Answered once: one reply (one Message-ID) per mail from a person, none to out-of-office notices.
        Map<String, Set<String>> replyIds = new HashMap<>();
        Map<String, String> referenceOwners = new HashMap<>();
        int copies = 0;
        for (MimeMessage reply : relay.getReceivedMessages()) {
            String to = ((InternetAddress) reply.getRecipients(Message.RecipientType.TO)[0]).getAddress().toLowerCase();
            if (!replyIds.computeIfAbsent(to, k -> new HashSet<>()).add(reply.getMessageID())) {
                copies++;
            }
            referencesIn(reply.getSubject() + "\n" + reply.getContent(), to, referenceOwners);
        }
        for (String sender : traffic.peopleSenders) {
            assertThat(replyIds.getOrDefault(sender, Set.of())).as("replies to " + sender).hasSize(1);
        }
        for (String sender : traffic.outOfOfficeSenders) {
            assertThat(replyIds).as("no answer to an out-of-office notice").doesNotContainKey(sender);
        }

        // Telegram: never two answers to one message; a reply whose sending was cut by a kill may be missing,
        // but then staff see it as uncertain.
        List<String> uncertainChats = db.sql("""
                SELECT recipient FROM outbox WHERE channel = 'TELEGRAM' AND status = 'FAILED'
                    AND last_error LIKE 'Envoi incertain%'""").query(String.class).list();
        assertThat(db.sql("SELECT COUNT(*) FROM outbox WHERE status = 'FAILED'").query(Long.class).single())
                .as("failed messages other than uncertain ones").isEqualTo(uncertainChats.size());
        int telegramReplies = 0;
        for (FakeUser user : traffic.users) {
            List<ObjectNode> sent = telegram.botMessagesIn(user.chatId());
            assertThat(sent).as("answers in chat " + user.chatId()).hasSizeLessThanOrEqualTo(1);
            if (sent.isEmpty()) {
                assertThat(uncertainChats).as("missing answer held for staff").contains(String.valueOf(user.chatId()));
            }
            telegramReplies += sent.size();
            for (ObjectNode message : sent) {
                referencesIn(message.path("text").asText(), String.valueOf(user.chatId()), referenceOwners);
            }
        }

        // Every reference quoted exists and belongs to the person it was given to.
        for (Map.Entry<String, String> quoted : referenceOwners.entrySet()) {
            List<String> owners = db.sql("""
                    SELECT COALESCE(c.email, CAST(c.telegram_chat_id AS VARCHAR(30))) FROM tickets t
                        JOIN contacts c ON c.id = t.requester_id WHERE t.reference = :ref
                    UNION ALL
                    SELECT COALESCE(c.email, CAST(c.telegram_chat_id AS VARCHAR(30))) FROM subscription_requests s
                        JOIN contacts c ON c.id = s.contact_id WHERE s.reference = :ref""")
                    .param("ref", quoted.getKey()).query(String.class).list();
            assertThat(owners).as("owner of " + quoted.getKey()).containsExactly(quoted.getValue());
        }
        return new Counts(processedMailIds.size(), updates.size(),
                db.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single(),
                db.sql("SELECT COUNT(*) FROM subscription_requests").query(Long.class).single(),
                relay.getReceivedMessages().length - copies, copies, telegramReplies, uncertainChats.size(),
                referenceOwners.size());
    }

    /** Tickets plus subscription requests per contact, keyed by the given contact column. */
    private static Map<String, Long> effectsPerContact(JdbcClient db, String key) {
        Map<String, Long> effects = new HashMap<>();
        // A ticket linked to a request holds the part of the same message staff must answer: one effect with it.
        db.sql("SELECT " + key + " AS k, COUNT(*) AS n FROM tickets t JOIN contacts c ON c.id = t.requester_id "
                        + "WHERE NOT EXISTS (SELECT 1 FROM subscription_requests r WHERE r.ticket_id = t.id) GROUP BY " + key
                        + " UNION ALL SELECT " + key + " AS k, COUNT(*) AS n FROM subscription_requests s "
                        + "JOIN contacts c ON c.id = s.contact_id GROUP BY " + key)
                .query((rs, i) -> {
                    if (rs.getString("k") != null) {
                        effects.merge(rs.getString("k"), rs.getLong("n"), Long::sum);
                    }
                    return null;
                }).list();
        return effects;
    }

    /** Records who each quoted reference was given to; the same reference given to two people fails. */
    private static void referencesIn(String text, String recipient, Map<String, String> owners) {
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            String previous = owners.putIfAbsent(m.group(), recipient);
            assertThat(previous == null || previous.equals(recipient))
                    .as(m.group() + " given to " + previous + " and to " + recipient).isTrue();
        }
    }

    private List<StoredMessage> supportInbox() throws Exception {
        return mailbox.getManagers().getImapHostManager()
                .getInbox(mailbox.getUserManager().getUserByEmail(SUPPORT)).getMessages();
    }

    /** The mails and updates of the run, delivered at a steady pace while the helpdesk is killed and restarted. */
    private final class Traffic {
        final List<MimeMessage> mails = new ArrayList<>();
        final List<String> peopleSenders = new ArrayList<>();
        final List<String> outOfOfficeSenders = new ArrayList<>();
        final List<FakeUser> users = new ArrayList<>();
        final List<String> userTexts = new ArrayList<>();
        final List<Integer> updateIds = new ArrayList<>();
        private final Random random;

        Traffic(List<String> questions, long seed) throws Exception {
            random = new Random(seed);
            Session session = Session.getInstance(new Properties());
            for (int i = 0; i < PEOPLE_MAILS + OUT_OF_OFFICE_MAILS; i++) {
                boolean outOfOffice = i % 10 == 9;
                String sender = "crash" + i + "@commune-crash" + (i % 40) + ".fr";
                MimeMessage mail = new MimeMessage(session);
                mail.setFrom(new InternetAddress(sender, "Secrétariat " + i, "UTF-8"));
                mail.setRecipients(Message.RecipientType.TO, SUPPORT);
                if (outOfOffice) {
                    mail.setSubject("Réponse automatique : absence", "UTF-8");
                    mail.setHeader("Auto-Submitted", "auto-replied");
                    mail.setText("Je suis absente jusqu'au 5 janvier.", "UTF-8");
                    outOfOfficeSenders.add(sender);
                } else {
                    mail.setSubject("Question " + i, "UTF-8");
                    mail.setText("Bonjour,\n\n" + questions.get(random.nextInt(questions.size()))
                            + "\n\nCordialement,\nLa secrétaire de mairie", "UTF-8");
                    peopleSenders.add(sender);
                }
                mail.saveChanges();
                mail.setHeader("Message-ID", "<crash-" + i + "@commune-crash.fr>");
                mails.add(mail);
            }
            for (int i = 0; i < TELEGRAM_UPDATES; i++) {
                users.add(new FakeUser(7_100_000_000L + i, "Agent" + i, "Crash", null));
                userTexts.add(questions.get(random.nextInt(questions.size())));
            }
        }

        /** Delivers part {@code part} of {@code parts} of the mails and updates, interleaved, at once. */
        void deliverPart(int part, int parts) throws Exception {
            int mailsFrom = mails.size() * part / parts;
            int mailsTo = mails.size() * (part + 1) / parts;
            int usersFrom = users.size() * part / parts;
            int usersTo = users.size() * (part + 1) / parts;
            int m = mailsFrom;
            int u = usersFrom;
            while (m < mailsTo || u < usersTo) {
                if (m < mailsTo && (u >= usersTo || random.nextBoolean())) {
                    mailbox.getUserManager().getUserByEmail(SUPPORT).deliver(mails.get(m++));
                } else {
                    updateIds.add(telegram.enqueueText(users.get(u), userTexts.get(u)).updateId());
                    u++;
                }
            }
        }
    }

    private static List<String> questions() throws Exception {
        List<String> questions = new ArrayList<>();
        try (var files = Files.list(Path.of("knowledge-base/eval"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                // Not the out-of-scope rows: a message that only greets or thanks (« merci pour hier ! ») opens
                // nothing by design, and the sets file those as out of scope.
                EvaluationSet.read(file).cases().stream().filter(c -> c.expected() != DecisionKind.OUT_OF_SCOPE)
                        .forEach(c -> questions.add(c.question()));
            }
        }
        return questions;
    }
}
