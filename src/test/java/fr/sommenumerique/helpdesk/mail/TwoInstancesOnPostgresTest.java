package fr.sommenumerique.helpdesk.mail;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.sommenumerique.helpdesk.HelpdeskApplication;
import fr.sommenumerique.helpdesk.mail.inbox.MailboxStatus;
import fr.sommenumerique.helpdesk.testdb.TestPostgres;
import fr.sommenumerique.helpdesk.web.account.NewStaffMember;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the application on one PostgreSQL database, with nothing but the same database and mail
 * settings: a staff session opened on one is valid on the other; one instance at a time reads the support mailbox;
 * every mail is handled once and answered once, also when the reading instance is stopped while mail arrives and
 * the other takes over (the time it takes is printed).
 */
class TwoInstancesOnPostgresTest {

    private static final MailTestServers servers = new MailTestServers();
    private static final String BODY = "Mon certificat RGS a expiré, impossible de télétransmettre";
    private static final String PASSWORD = "phrase de passe des deux instances";

    @AfterAll
    static void stopServers() {
        servers.stop();
    }

    @Test
    void two_instances_share_sessions_and_mail_and_one_takes_over_when_the_reader_stops() throws Exception {
        String database = TestPostgres.newDatabase("two_instances");
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        try {
            instances.add(start(database));
            instances.add(start(database));

            aSessionOpenedOnOneInstanceIsValidOnTheOther(instances.get(0), instances.get(1));

            List<String> firstWave = senders("vague1", 15);
            firstWave.forEach(this::send);
            awaitEachAnsweredOnce(firstWave);
            ConfigurableApplicationContext reader = awaitOneReaderAndOneStandby(instances);
            ConfigurableApplicationContext standby = instances.get(1 - instances.indexOf(reader));

            // the reader stops while mail keeps arriving; the other instance must take over
            List<String> secondWave = senders("vague2", 15);
            Thread arriving = new Thread(() -> secondWave.forEach(sender -> {
                send(sender);
                pause(100);
            }));
            arriving.start();
            pause(400);
            long stoppedAt = System.nanoTime();
            reader.close();
            instances.remove(reader);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> reading(standby));
            long takeoverMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
            System.out.printf("Two instances on PostgreSQL: the other instance read the mailbox %d ms after the "
                    + "reading one was told to stop%n", takeoverMillis);
            arriving.join();

            awaitEachAnsweredOnce(secondWave);
            JdbcClient jdbc = standby.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_inbound WHERE channel = 'EMAIL'").query(Long.class)
                    .single()).isEqualTo(30);
            List<String> references = jdbc.sql("SELECT reference FROM tickets ORDER BY reference").query(String.class)
                    .list();
            assertThat(references).hasSize(30).doesNotHaveDuplicates();
            assertThat(takeoverMillis).isLessThan(15_000);
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
        }
    }

    private void aSessionOpenedOnOneInstanceIsValidOnTheOther(ConfigurableApplicationContext one,
                                                               ConfigurableApplicationContext other) throws Exception {
        one.getBean(StaffAccounts.class).createWithPassword(
                new NewStaffMember("deuxinstances", "Agent des deux instances", null, StaffRole.AGENT), PASSWORD,
                false, "test");
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri(one, "/connexion")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as("CSRF field of the sign-in form").isTrue();
        String session = sessionCookie(form);

        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri(one, "/connexion"))
                .header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of("identifiant", "deuxinstances",
                        "motdepasse", PASSWORD, "_csrf", csrf.group(1)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("erreur");
        session = sessionCookie(signedIn);

        HttpResponse<String> onTheOther = http.send(HttpRequest.newBuilder(uri(other, "/tickets"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onTheOther.statusCode()).as("the queue on the other instance, same session").isEqualTo(200);
        assertThat(onTheOther.body()).contains("Agent des deux instances");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers()));
    }

    private static ConfigurableApplicationContext awaitOneReaderAndOneStandby(List<ConfigurableApplicationContext> instances) {
        await().atMost(Duration.ofSeconds(20)).until(() -> instances.stream().filter(TwoInstancesOnPostgresTest::reading)
                .count() == 1 && instances.stream().filter(i -> status(i) == MailboxStatus.State.STANDBY).count() == 1);
        return instances.stream().filter(TwoInstancesOnPostgresTest::reading).findFirst().orElseThrow();
    }

    private static boolean reading(ConfigurableApplicationContext instance) {
        MailboxStatus.State state = status(instance);
        return state == MailboxStatus.State.CONNECTED_IDLE || state == MailboxStatus.State.CONNECTED_POLLING;
    }

    private static MailboxStatus.State status(ConfigurableApplicationContext instance) {
        return instance.getBean(MailboxStatus.class).state();
    }

    private static void awaitEachAnsweredOnce(List<String> senders) {
        await().atMost(Duration.ofSeconds(90)).until(() -> senders.stream()
                .allMatch(sender -> servers.repliesTo(sender).size() >= 1));
        pause(2000); // a second reply would come now
        for (String sender : senders) {
            assertThat(servers.repliesTo(sender)).as("replies to " + sender).hasSize(1);
        }
    }

    private void send(String sender) {
        servers.send(servers.newMessage(sender, "Certificat", BODY));
    }

    private static List<String> senders(String wave, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "secretariat" + i + "@" + wave + "-mairie.fr").toList();
    }

    private static URI uri(ConfigurableApplicationContext instance, String path) {
        return URI.create("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String formBody(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An instance started as in production, with nothing shared but the database and mail settings. */
    private static ConfigurableApplicationContext start(String databaseUrl) {
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=" + databaseUrl);
        args.add("--spring.datasource.username=" + TestPostgres.USER);
        args.add("--spring.datasource.password=");
        args.add("--server.port=0");
        servers.properties().forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(HelpdeskApplication.class).profiles("test").run(args.toArray(String[]::new));
    }
}
