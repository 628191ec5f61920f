package fr.sommenumerique.helpdesk.mail;

import fr.sommenumerique.helpdesk.HelpdeskApplication;
import fr.sommenumerique.helpdesk.assistant.DecisionEngine;
import fr.sommenumerique.helpdesk.assistant.EvaluationSet;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;

/**
 * Prints how many messages per second the e-mail channel takes from IMAP to committed tickets and sent replies, for
 * 1,000 mixed mails (questions, incidents, requests, out-of-office notices, bounces, list mail, broken messages),
 * beside the raw IMAP fetch rate of the same mails measured in the same run, once with H2's default write delay
 * (commits held in memory for up to 500 ms), once with durable commits, and once on PostgreSQL; then the median time
 * from a mail to its automatic reply. A benchmark, not a test:
 * {@code mvn -B -Pbenchmark test-compile exec:java -Dbenchmark=fr.sommenumerique.helpdesk.mail.MailThroughputBenchmark}
 */
public final class MailThroughputBenchmark {

    private static final int MAILS = 1000;
    private static final int SENDERS = 250;

    public static void main(String[] args) throws Exception {
        List<String> questions = questions();
        // -Dbenchmark.durableOnly=true: only the durable H2 pass (to profile it, or to compare two builds quickly)
        boolean durableOnly = Boolean.getBoolean("benchmark.durableOnly");
        // A helpdesk runs for days: its code is compiled by the JIT long before a burst of mail. Without warm-up, the
        // JIT compilers take about half of the 2 cores during the first measured pass; after two passes they still
        // took 3.8 s of CPU during it, after six 1.6 s (quiet machine, 2026-12-05).
        for (int i = 0, warmups = Integer.getInteger("benchmark.warmups", 6); i < warmups; i++) {
            pass("Warm-up " + (i + 1) + "/" + warmups + ", not counted: the same mails on H2 (durable), so that the JIT "
                    + "has compiled the code", h2(""), questions);
        }
        List<Pass> passes = new ArrayList<>();
        if (!durableOnly) {
            passes.add(pass("H2, commits held in memory up to 500 ms (H2's default WRITE_DELAY, before)",
                    h2(";WRITE_DELAY=500"), questions));
        }
        passes.add(pass("H2, durable commits (WRITE_DELAY=0, the default now)", h2(""), questions));
        if (!durableOnly) {
            // PostgreSQL's own defaults: every commit flushed to disk (fsync, synchronous_commit), unlike the test suite's
            try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
                passes.add(pass("PostgreSQL 17 on the same machine (embedded server, durable defaults)",
                        postgres(server), questions));
            }
        }
        double latency = durableOnly ? Double.NaN : medianReplySeconds(20);
        System.out.println();
        System.out.printf("%-75s %12s %12s %6s %16s%n", "1,000 mixed mails", "committed/s", "raw fetch/s", "ratio",
                "per CPU-second");
        for (Pass pass : passes) {
            System.out.printf("%-75s %12.0f %12.0f %5.0f%% %16.0f%n", pass.label(), pass.committedRate(), pass.rawRate(),
                    100 * pass.committedRate() / pass.rawRate(), pass.perCpuSecond());
        }
        System.out.println("(per CPU-second: messages committed per second of CPU used by the mail reader's thread and the "
                + "thread preparing its mails, what one free core would give; the wall-clock rates depend on what else the machine runs)");
        System.out.printf("Median time from a mail sent over SMTP to its automatic reply received (20 mails, one at a "
                + "time, outbox polled every 5 s): %.2f s%n", latency);
        System.exit(0); // a library's non-daemon thread would otherwise keep exec:java waiting
    }

    /** One run: what the benchmark measured with one datasource setting. */
    record Pass(String label, double rawRate, double committedRate, double perCpuSecond) {
    }

    /** An H2 file database in the pass's folder, with application.yml's statement cache and these URL options. */
    private static Function<Path, List<String>> h2(String urlOptions) {
        return dataDir -> List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("helpdesk").toAbsolutePath()
                + ";QUERY_CACHE_SIZE=64" + urlOptions);
    }

    /** A new database on that PostgreSQL server. */
    private static Function<Path, List<String>> postgres(EmbeddedPostgres server) {
        return dataDir -> {
            String name = "benchmark_" + System.nanoTime();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return List.of("--spring.datasource.url=" + server.getJdbcUrl("postgres", name),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=");
        };
    }

    private static Pass pass(String label, Function<Path, List<String>> datasource, List<String> questions)
            throws Exception {
        System.out.println("== " + label);
        MailTestServers servers = new MailTestServers();
        Path dataDir = Files.createTempDirectory("helpdesk-benchmark");
        try {
            Random random = new Random(42);
            int humans = 0;
            for (int i = 0; i < MAILS; i++) {
                String raw = mixedMail(i, questions, random);
                if (raw == null) {
                    servers.deliverRaw(new byte[]{0, 1, 2, 0, 3, 0, 0, 4});
                } else {
                    servers.deliverRaw(raw);
                    humans += raw.contains("X-Benchmark-Kind: human") ? 1 : 0;
                }
            }
            long rawCpuStart = processCpuNanos();
            double batched = rawFetchSeconds(servers);
            double rawCpuMs = (processCpuNanos() - rawCpuStart) / 1e6;
            System.out.printf("Raw IMAP fetch of the same %d mails, one connection, whole messages in batches of 50: "
                    + "%.2f s (%.0f messages/s); process CPU (client and GreenMail) %.2f ms per message%n", MAILS,
                    batched, MAILS / batched, rawCpuMs / MAILS);

            long start = System.nanoTime();
            ConfigurableApplicationContext app = start(servers, datasource.apply(dataDir), "50ms");
            long ready = System.nanoTime(); // the mailbox reader starts as the context finishes starting
            long processCpuAtReady = processCpuNanos();
            Map<String, Long> threadCpuAtReady = threadCpuTicks();
            try {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                Outbox outbox = app.getBean(Outbox.class);
                long committedAt = waitUntil(() -> processed(jdbc) + quarantined(jdbc) >= MAILS);
                double processCpuMs = (processCpuNanos() - processCpuAtReady) / 1e6;
                printThreadCpu(threadCpuAtReady, threadCpuTicks());
                long repliedAt = Math.max(committedAt, waitUntil(() -> outbox.backlog(Channel.EMAIL) == 0));
                long sent = jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'").query(Long.class).single();
                System.out.printf("Mixed mails: %d (%d from people, the rest machine mail or broken)%n", MAILS, humans);
                System.out.printf("Application start: %.1f s%n", (ready - start) / 1e9);
                // to cut a JDK Flight Recorder recording to the measured span
                System.out.printf("Measured span (wall clock): %s to %s%n",
                        java.time.Instant.now().minusNanos(System.nanoTime() - ready),
                        java.time.Instant.now().minusNanos(System.nanoTime() - committedAt));
                double committedRate = report("IMAP -> committed tickets/requests", ready, committedAt);
                double cpuSeconds = threadCpuNanos("mail-inbox") / 1e9;
                double preparerSeconds = threadCpuNanos("mail-prepare") / 1e9;
                System.out.printf("Mail reader thread CPU: %.2f s, %.1f ms per message; the thread preparing its mails "
                        + "(parsing, decisions worked out ahead): %.1f ms per message, %d decisions used; whole process "
                        + "(GreenMail, outbox sender and the rest included) until the last commit: %.1f ms per message%n",
                        cpuSeconds, cpuSeconds * 1000 / MAILS, preparerSeconds * 1000 / MAILS,
                        app.getBean(DecisionEngine.class).anticipatedDecisionsUsed(), processCpuMs / MAILS);
                report("IMAP -> committed and every reply sent (" + sent + " replies)", ready, repliedAt);
                System.out.printf("Processed: %d, quarantined: %d, tickets: %d, subscription requests: %d%n",
                        processed(jdbc), quarantined(jdbc),
                        jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single(),
                        jdbc.sql("SELECT COUNT(*) FROM subscription_requests").query(Long.class).single());
                return new Pass(label, MAILS / batched, committedRate, MAILS / (cpuSeconds + preparerSeconds));
            } finally {
                app.close();
            }
        } finally {
            servers.stop();
        }
    }

    /**
     * Sends mails one at a time over SMTP, each when the previous one was answered, and returns the median time until
     * its automatic reply reached the relay. The outbox keeps its default 5 s polling: only the wake-up after commit
     * makes the reply leave sooner.
     */
    private static double medianReplySeconds(int mails) throws Exception {
        MailTestServers servers = new MailTestServers();
        Path dataDir = Files.createTempDirectory("helpdesk-benchmark");
        ConfigurableApplicationContext app = start(servers, h2("").apply(dataDir), "5s");
        try {
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < mails; i++) {
                String sender = "latence" + i + "@commune-latence.fr";
                long sentAt = System.nanoTime();
                servers.send(servers.newMessage(sender, "Horaires", "Bonjour, quels sont vos horaires ?"));
                long repliedAt = waitUntil(() -> !servers.repliesTo(sender).isEmpty());
                seconds.add((repliedAt - sentAt) / 1e9);
            }
            Collections.sort(seconds);
            System.out.println("Mail -> reply, seconds, sorted: " + seconds.stream()
                    .map(s -> String.format(Locale.ROOT, "%.2f", s)).toList());
            return (seconds.get((mails - 1) / 2) + seconds.get(mails / 2)) / 2;
        } finally {
            app.close();
            servers.stop();
        }
    }

    /** CPU time used so far by this whole JVM (the mail servers run in it too). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU time so far of every thread of this JVM, the JIT compilers and the garbage collector included, by thread
     * name (numbers stripped, so that a pool's threads add up), in clock ticks; empty where there is no /proc.
     */
    private static Map<String, Long> threadCpuTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9]+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException noProc) {
            return Map.of();
        }
        return ticks;
    }

    /** Which threads used the CPU between the two snapshots (threads that ended meanwhile are not counted). */
    private static void printThreadCpu(Map<String, Long> before, Map<String, Long> after) {
        List<Map.Entry<String, Long>> used = after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        System.out.println("CPU by thread until the last commit (s): " + used.stream().limit(10)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 100.0)).toList());
    }

    /** CPU time used so far by the application's threads of that name (the mail reader's, its preparer's). */
    private static long threadCpuNanos(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .mapToLong(t -> threads.getThreadCpuTime(t.getId())).sum();
    }

    private static double report(String what, long from, long to) {
        double seconds = (to - from) / 1e9;
        System.out.printf("%s: %.2f s after start, %.0f messages/s%n", what, seconds, MAILS / seconds);
        return MAILS / seconds;
    }

    private static String mixedMail(int i, List<String> questions, Random random) {
        String sender = "agent" + (i % SENDERS) + "@commune" + (i % SENDERS) + ".fr";
        int kind = random.nextInt(100);
        if (kind < 2) {
            return null; // broken: quarantined
        }
        String headers = "Message-ID: <bench-" + i + "@commune.fr>\r\nTo: support@mairie-connectee.local\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nMIME-Version: 1.0\r\n";
        if (kind < 10) {
            return headers + "From: " + sender + "\r\nSubject: Réponse automatique : absence\r\nAuto-Submitted: auto-replied\r\n"
                    + "X-Benchmark-Kind: machine\r\n\r\nJe suis absente jusqu'au 5 janvier.\r\n";
        }
        if (kind < 15) {
            return headers + "From: MAILER-DAEMON@mx.commune.fr\r\nSubject: Undelivered Mail Returned to Sender\r\n"
                    + "X-Failed-Recipients: " + sender + "\r\nX-Benchmark-Kind: machine\r\n\r\nDelivery failed.\r\n";
        }
        if (kind < 20) {
            return headers + "From: lettre@association.fr\r\nSubject: Lettre d'information\r\nList-Unsubscribe: <mailto:u@association.fr>\r\n"
                    + "Precedence: bulk\r\nX-Benchmark-Kind: machine\r\n\r\nLes actualités du mois.\r\n";
        }
        String question = questions.get(random.nextInt(questions.size()));
        return headers + "From: Secrétariat <" + sender + ">\r\nSubject: Question " + i + "\r\nX-Benchmark-Kind: human\r\n\r\n"
                + "Bonjour,\r\n\r\n" + question + "\r\n\r\nCordialement,\r\nLa secrétaire de mairie\r\n";
    }

    private static double rawFetchSeconds(MailTestServers servers) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        long start = System.nanoTime();
        store.connect("127.0.0.1", Integer.parseInt(servers.properties().get("helpdesk.mail.imap.port")),
                MailTestServers.SUPPORT, MailTestServers.SUPPORT_PASSWORD);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        long bytes = 0;
        Message[] messages = inbox.getMessages();
        for (int from = 0; from < messages.length; from += 50) {
            FetchProfile profile = new FetchProfile();
            profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
            inbox.fetch(Arrays.copyOfRange(messages, from, Math.min(messages.length, from + 50)), profile);
        }
        for (Message message : messages) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            bytes += out.size();
        }
        inbox.close(false);
        store.close();
        if (bytes == 0) {
            throw new IllegalStateException("nothing fetched");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static ConfigurableApplicationContext start(MailTestServers servers, List<String> datasource,
                                                        String senderInterval) {
        List<String> args = new ArrayList<>(datasource);
        args.add("--server.port=0");
        args.add("--helpdesk.outbox.auto-reply-limit=100");
        args.add("--logging.level.fr.sommenumerique=WARN");
        var properties = servers.properties();
        properties.put("helpdesk.mail.sender.interval", senderInterval);
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(HelpdeskApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    private static long processed(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_inbound WHERE channel = 'EMAIL'").query(Long.class).single();
    }

    private static long quarantined(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM quarantine").query(Long.class).single();
    }

    private static List<String> questions() throws Exception {
        List<String> questions = new ArrayList<>();
        try (var files = Files.list(Path.of("knowledge-base/eval"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                EvaluationSet.read(file).cases().forEach(c -> questions.add(c.question()));
            }
        }
        return questions;
    }

    private static long waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark did not finish in 10 minutes");
            }
            Thread.sleep(20);
        }
        return System.nanoTime();
    }
}
