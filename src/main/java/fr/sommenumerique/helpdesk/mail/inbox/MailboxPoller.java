package fr.sommenumerique.helpdesk.mail.inbox;

import fr.sommenumerique.helpdesk.cluster.PollerLeadership;
import fr.sommenumerique.helpdesk.mail.MailEndpoints;
import fr.sommenumerique.helpdesk.mail.MailProperties;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the support mailbox over IMAP on one thread: handles every message not yet marked as done, then waits for new
 * mail with IDLE (or polls when the server lacks it), and reconnects with a growing back-off after any failure.
 *
 * <p>A message is marked as done (keyword flag or move, as configured) only after its effects are committed. A crash
 * in between leaves it unmarked: it is fetched again on restart, recognised as already processed, and only then
 * marked. So nothing is lost and nothing is processed twice. Messages are committed in groups (up to
 * {@value #GROUP_MAX_MESSAGES} or 200 ms), each in its own savepoint: a durable commit per group rather than per
 * message. While a group is written and committed, a second thread fetches the next batch from the server (and
 * marks what was committed, a batch at a time), and a third one parses its messages and has the assistant work out
 * their decisions (what needs no transaction: {@link MailIntake#prepare}, {@link MailIntake#anticipate}); the
 * messages are still handled and committed in the mailbox's order, on this thread.
 *
 * <p>When several instances share the database, only the one holding the mailbox's {@link PollerLeadership lock}
 * connects; the others wait. The lock is checked before each message: an instance that lost it stops there, and
 * another one takes over (what it had committed is recognised as processed, as after a crash).
 */
public final class MailboxPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int BATCH = 50;
    private static final Duration LEADERSHIP_CHECK = Duration.ofSeconds(1);
    /** At most so many messages, or so long, in one transaction: one durable commit for them all. */
    private static final int GROUP_MAX_MESSAGES = 25;
    private static final Duration GROUP_MAX_TIME = Duration.ofMillis(200);
    /** How long the reader waits, outside any transaction, for the preparer to have a full group ready. */
    private static final Duration FULL_GROUP_WAIT = Duration.ofMillis(50);
    /** A message whose savepoint the database gave up on so many times in a row, for a passing reason, is quarantined. */
    private static final int PASSING_FAILURES_MAX = 3;

    private final MailProperties.Imap settings;
    private final MailEndpoints endpoints;
    private final MailIntake intake;
    private final MailProcessingObserver observer;
    private final MailboxStatus status;
    private final PollerLeadership leadership;
    private final TransactionTemplate groupTransaction;
    private final TransactionTemplate messageSavepoint;
    /** A new one at each start: a stopped executor cannot be restarted (Spring stops and restarts paused contexts). */
    private volatile ScheduledExecutorService idleRefresher;
    /** Prepares the messages ahead of their transaction; new at each start, like the refresher. */
    private volatile ExecutorService preparer;
    /** Fetches the messages ahead of the reader and marks those committed, on its connection; new at each start. */
    private volatile ExecutorService mailboxIo;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile Store store;
    private volatile Folder openFolder;

    public MailboxPoller(MailProperties.Imap settings, MailEndpoints endpoints, MailIntake intake,
                         MailProcessingObserver observer, MailboxStatus status, PollerLeadership leadership,
                         PlatformTransactionManager transactions) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.intake = intake;
        this.observer = observer;
        this.status = status;
        this.leadership = leadership;
        leadership.onRevoked(this::wakeFromIdle);
        this.groupTransaction = new TransactionTemplate(transactions);
        this.messageSavepoint = new TransactionTemplate(transactions);
        messageSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        idleRefresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-idle-refresh");
            t.setDaemon(true);
            return t;
        });
        preparer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mail-prepare");
            t.setDaemon(true);
            return t;
        });
        mailboxIo = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mail-imap");
            t.setDaemon(true);
            return t;
        });
        thread = new Thread(this::run, "mail-inbox");
        thread.setDaemon(true);
        thread.start();
        log.info("Lecture de la boîte support : {}", endpoints);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            wakeFromIdle();
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
                if (t.isAlive()) {
                    closeQuietly(store);
                    t.join(TimeUnit.SECONDS.toMillis(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (idleRefresher != null) {
            idleRefresher.shutdownNow();
        }
        if (preparer != null) {
            preparer.shutdownNow();
        }
        if (mailboxIo != null) {
            mailboxIo.shutdownNow();
        }
        status.stopped();
    }

    @Override
    public void stop(Runnable callback) {
        stop();
        callback.run();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // start after the rest of the application, stop before it
    }

    private void run() {
        Duration backoff = settings.backoffInitial();
        while (running) {
            try {
                if (!leadership.awaitLeadership(LEADERSHIP_CHECK)) {
                    status.standby();
                    continue;
                }
                session();
                backoff = settings.backoffInitial();
            } catch (InterruptedException e) {
                break; // stopping
            } catch (MessagingException | IOException | RuntimeException e) {
                if (!running) {
                    break;
                }
                status.failed(e.toString());
                log.warn("Boîte support injoignable ({}), nouvel essai dans {} s", e.getMessage(), backoff.toSeconds());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.backoffMax()) > 0 ? settings.backoffMax()
                        : backoff.multipliedBy(2);
            } catch (Error e) {
                // The only reader of the mailbox must outlive an Error (out of memory on a huge mail, a library
                // bug…): were it to die, every later mail would stay unread.
                if (!running) {
                    break;
                }
                status.failed(e.toString());
                log.error("Erreur grave pendant la lecture de la boîte support, nouvel essai dans {} s",
                        backoff.toSeconds(), e);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.backoffMax()) > 0 ? settings.backoffMax()
                        : backoff.multipliedBy(2);
            } finally {
                closeQuietly(store);
            }
        }
    }

    /** One connection: process what is waiting, then wait for more, until the connection fails or we stop. */
    private void session() throws MessagingException, IOException {
        store = connect();
        Folder folder = store.getFolder(settings.folder());
        folder.open(Folder.READ_WRITE);
        openFolder = folder;
        boolean idle = settings.idle() && store instanceof IMAPStore imap && imap.hasCapability("IDLE")
                && folder instanceof IMAPFolder;
        status.connected(idle);
        try {
            while (reading()) {
                // Mail that arrived while we were busy may not be announced by the next IDLE: look until none is
                // left, then ask the server for news (NOOP) just before idling, and look again if there is some.
                int countAtLastSearch;
                do {
                    do {
                        countAtLastSearch = folder.getMessageCount();
                    } while (reading() && processWaiting(folder) > 0);
                    if (folder instanceof IMAPFolder imapFolder) {
                        imapFolder.doCommand(protocol -> {
                            protocol.simpleCommand("NOOP", null);
                            return null;
                        });
                    }
                } while (reading() && folder.getMessageCount() > countAtLastSearch);
                status.checked();
                if (idle) {
                    idleOnce((IMAPFolder) folder);
                } else {
                    sleep(settings.pollInterval());
                    folder.getMessageCount(); // keeps the connection checked between polls
                }
            }
        } finally {
            if (folder.isOpen()) {
                try {
                    folder.close(settings.processed() == MailProperties.ProcessedMarker.MOVE);
                } catch (MessagingException e) {
                    log.debug("Closing the mailbox folder failed", e);
                }
            }
        }
    }

    /** Still running and still the instance that reads this mailbox (checked in the database). */
    private boolean reading() {
        return running && leadership.isLeader();
    }

    // Any call on the folder from another thread ends a pending IDLE.
    private void wakeFromIdle() {
        Folder folder = openFolder;
        if (folder != null && folder.isOpen()) {
            try {
                folder.getMessageCount();
            } catch (MessagingException | RuntimeException e) {
                log.debug("Waking the mailbox reader failed", e);
            }
        }
    }

    private void idleOnce(IMAPFolder folder) throws MessagingException {
        // IDLE returns on new mail; another thread touching the folder also ends it, which renews it in time.
        ScheduledFuture<?> refresh = idleRefresher.schedule(this::wakeFromIdle, settings.idleRefresh().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            refresh.cancel(false);
        }
    }

    /**
     * Handles the messages not yet marked as done, a batch at a time (one FETCH for the batch, one STORE or move for
     * each batch committed); returns how many there were, once all those committed are marked.
     */
    private int processWaiting(Folder folder) throws MessagingException, IOException {
        Message[] waiting = settings.processed() == MailProperties.ProcessedMarker.FLAG
                ? folder.search(new NotTerm(new FlagTerm(new Flags(settings.processedFlag()), true)))
                : folder.getMessages();
        if (waiting.length == 0) {
            return 0;
        }
        // The I/O thread fetches the next batch while the reader commits the current one, and queues its messages'
        // preparation; so the reader only writes and commits, the preparer only parses and decides (it never waits
        // for the server), and the I/O thread marks what was committed.
        Future<List<Received>> next = fetchAhead(folder, waiting, 0);
        Marks marks = new Marks(folder);
        try {
            for (int from = 0; from < waiting.length && reading(); from += BATCH) {
                List<Received> batch = awaitFetched(next);
                next = from + BATCH < waiting.length ? fetchAhead(folder, waiting, from + BATCH) : null;
                processBatch(marks, batch);
            }
        } finally {
            if (next != null) {
                next.cancel(false); // the reading stopped: a batch fetched ahead is read again next time
            }
            marks.awaitAll(); // the next search must not find them unmarked
        }
        marks.throwFailure();
        return waiting.length;
    }

    private Future<List<Received>> fetchAhead(Folder folder, Message[] waiting, int from) {
        Message[] batch = Arrays.copyOfRange(waiting, from, Math.min(waiting.length, from + BATCH));
        return mailboxIo.submit(() -> fetch(folder, batch));
    }

    /** On the I/O thread: one FETCH for the batch, each message's raw bytes, and its preparation queued. */
    private List<Received> fetch(Folder folder, Message[] batch) throws MessagingException, IOException {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
        folder.fetch(batch, profile);
        List<Received> received = new ArrayList<>();
        for (Message message : batch) {
            if (!message.isExpunged()) {
                byte[] raw = rawBytes(message);
                long uid = ((UIDFolder) folder).getUID(message);
                Future<MailIntake.Prepared> prepared = preparer.submit(() -> {
                    MailIntake.Prepared done = intake.prepare(raw);
                    intake.anticipate(done);
                    return done;
                });
                received.add(new Received(message, uid, raw, settings.folder() + " UID " + uid, prepared,
                        new AtomicInteger()));
            }
        }
        return received;
    }

    /** The fetched batch; a failure of the fetch is the reader's, as if it had fetched itself (the session reconnects). */
    private static List<Received> awaitFetched(Future<List<Received>> fetched) throws MessagingException, IOException {
        try {
            return fetched.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Lecture de la boîte support interrompue", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MessagingException m) {
                throw m;
            } else if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Lecture de la boîte support impossible", cause);
        }
    }

    private void processBatch(Marks marks, List<Received> received) throws MessagingException {
        try {
            for (int from = 0; from < received.size() && reading(); ) {
                from += commitGroup(marks, received.subList(from, received.size()));
            }
        } finally {
            received.forEach(r -> r.prepared().cancel(false)); // those left when the reading stops
        }
    }

    /**
     * A message read from the mailbox, not yet handled, its preparation (done or under way), and how many times in a
     * row the database gave up on its savepoint for a passing reason (read and written by the reader only).
     */
    private record Received(Message message, long uid, byte[] raw, String sourceRef,
                            Future<MailIntake.Prepared> prepared, AtomicInteger passingFailures) {

        MailIntake.Prepared awaitPrepared() {
            return awaitPrepared(null);
        }

        /** Waits at most so long (for ever if null); null if it is not prepared by then. */
        MailIntake.Prepared awaitPrepared(Duration atMost) {
            try {
                return atMost == null ? prepared.get() : prepared.get(atMost.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Lecture de la boîte support interrompue", e);
            } catch (ExecutionException e) {
                // prepare() turns a bad message into a failure of its own: what comes here is an Error, or a bug
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("Préparation du message " + sourceRef + " impossible", e.getCause());
            }
        }
    }

    /**
     * Handles the first messages of {@code waiting} in one transaction (one durable commit for them all): up to
     * {@value #GROUP_MAX_MESSAGES}, or fewer once {@link #GROUP_MAX_TIME} has passed, so that the locks a group takes
     * (the reference counter…) never make the Telegram channel or staff wait long, or when the next message is not
     * prepared yet, and no more once this instance is no longer the mailbox's reader. Each message runs in a savepoint
     * of its own: one that fails leaves the others' effects in. One that the database gave up on for a passing reason
     * (a deadlock victim, a lock wait timed out: often waiting for a lock that another transaction holds while it
     * waits for this group's) ends the group there: the others commit, which frees their locks, and it is tried again
     * first in the next group; the {@value #PASSING_FAILURES_MAX}rd failure in a row quarantines it. Only after the
     * commit are the failed ones quarantined and the group queued to be marked on the server: a crash before the mark
     * leaves them all to be read again, recognised as processed, and marked. Returns how many messages the group took
     * for good.
     */
    private int commitGroup(Marks marks, List<Received> waiting) throws MessagingException {
        List<MailIntake.Attempt> attempts = new ArrayList<>();
        // Waiting for the preparer happens before the transaction, never in it: an open transaction holds locks and a
        // connection, and the preparer may need one from the same pool. The group takes the messages ready by then.
        waiting.get(0).awaitPrepared();
        // A reader faster than its preparer would otherwise commit each message as soon as it is prepared: a durable
        // commit (and its CPU, taken from the preparer) per message. A full group is worth a short wait.
        waiting.get(Math.min(waiting.size(), GROUP_MAX_MESSAGES) - 1).awaitPrepared(FULL_GROUP_WAIT);
        long deadline = System.nanoTime() + GROUP_MAX_TIME.toNanos();
        groupTransaction.executeWithoutResult(outer -> {
            do {
                Received received = waiting.get(attempts.size());
                attempts.add(messageSavepoint.execute(savepoint -> {
                    MailIntake.Attempt attempt = intake.attempt(received.awaitPrepared(), received.sourceRef());
                    if (attempt.result() != MailIntake.Result.PROCESSED) {
                        savepoint.setRollbackOnly(); // its partial effects go, the group's stay
                    }
                    return attempt;
                }));
            } while (!attempts.get(attempts.size() - 1).passing()
                    && attempts.size() < Math.min(waiting.size(), GROUP_MAX_MESSAGES) && System.nanoTime() < deadline
                    && waiting.get(attempts.size()).prepared().isDone() && reading());
        });
        int last = attempts.size() - 1;
        boolean tryLastAgain = attempts.get(last).passing()
                && waiting.get(last).passingFailures().incrementAndGet() < PASSING_FAILURES_MAX;
        List<Received> group = waiting.subList(0, tryLastAgain ? last : attempts.size());
        for (int i = 0; i < group.size(); i++) {
            Received received = group.get(i);
            if (attempts.get(i).result() == MailIntake.Result.QUARANTINED) {
                intake.quarantine(received.raw(), attempts.get(i).failure(), received.sourceRef());
            }
            status.count(attempts.get(i).result());
            observer.committed(received.sourceRef());
        }
        marks.afterCommit(group);
        return group.size();
    }

    /**
     * Marks the committed messages as done on the server, on the mailbox I/O thread, {@value #BATCH} at a time (and the
     * rest at the end of the backlog): the reader goes on with the next group instead of waiting for the server's
     * answer, and the server gets one STORE per batch rather than one per group (JFR, 1,000 mails on GreenMail: the
     * reader waited 2.0 of its 4.4 s on the 40 STOREs and on the folder's lock, held by the preparer's FETCH; GreenMail
     * walks its whole folder for every command). Still only after the commit: a crash before the mark leaves the
     * messages to be read again, recognised as processed, and marked.
     */
    private final class Marks {

        private final Folder folder;
        private List<Received> committed = new ArrayList<>();
        /** That thread runs its tasks one by one in order: when the last mark is done, they all are. */
        private Future<?> last = CompletableFuture.completedFuture(null);
        private volatile Exception failure;

        Marks(Folder folder) {
            this.folder = folder;
        }

        /** Queues the group's mark; a mark that failed before ends the reading (the session reconnects). */
        void afterCommit(List<Received> group) throws MessagingException {
            throwFailure();
            committed.addAll(group);
            if (committed.size() >= BATCH) {
                submit();
            }
        }

        private void submit() {
            List<Received> marked = committed;
            committed = new ArrayList<>();
            last = mailboxIo.submit(() -> {
                if (failure != null) {
                    return; // left unmarked for the next session, like the marks that failed
                }
                try {
                    if (folder.isOpen()) {
                        markDone(folder, marked);
                    }
                } catch (MessagingException | RuntimeException e) {
                    failure = e;
                }
            });
        }

        /**
         * Marks what is left and waits until every mark is done or failed (bounded: a stopped I/O thread never runs
         * what was queued); what is left unmarked is read again, recognised as processed, and marked.
         */
        void awaitAll() {
            try {
                if (!committed.isEmpty()) {
                    submit();
                }
                last.get(settings.timeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | CancellationException | TimeoutException | RejectedExecutionException e) {
                log.debug("Marking processed messages did not finish", e);
            }
        }

        void throwFailure() throws MessagingException {
            if (failure instanceof MessagingException e) {
                throw e;
            } else if (failure instanceof RuntimeException e) {
                throw e;
            }
        }
    }

    private static byte[] rawBytes(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(out);
        return out.toByteArray();
    }

    private void markDone(Folder folder, List<Received> group) throws MessagingException {
        if (settings.processed() == MailProperties.ProcessedMarker.FLAG && folder instanceof IMAPFolder imapFolder) {
            // SILENT: the server answers with one line, not one FETCH line per message (GreenMail, 1,000 messages in
            // the folder: 17-44 ms instead of 56-70 ms for 25 messages); by UID, as the messages were fetched.
            String store = "UID STORE " + UIDSet.toString(UIDSet.createUIDSets(group.stream().mapToLong(Received::uid)
                    .toArray())) + " +FLAGS.SILENT (" + settings.processedFlag() + ")";
            imapFolder.doCommand(protocol -> {
                protocol.simpleCommand(store, null);
                return null;
            });
            return;
        }
        Message[] messages = group.stream().map(Received::message).toArray(Message[]::new);
        if (settings.processed() == MailProperties.ProcessedMarker.FLAG) {
            folder.setFlags(messages, new Flags(settings.processedFlag()), true);
            return;
        }
        Folder target = folder.getStore().getFolder(settings.processedFolder());
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        folder.copyMessages(messages, target);
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        folder.expunge();
    }

    private Store connect() throws MessagingException {
        String protocol = endpoints.imapSecurity() == MailProperties.Security.SSL ? "imaps" : "imap";
        Properties props = new Properties();
        String prefix = "mail." + protocol + ".";
        props.put(prefix + "host", endpoints.imapHost());
        props.put(prefix + "port", String.valueOf(endpoints.imapPort()));
        props.put(prefix + "connectiontimeout", String.valueOf(settings.timeout().toMillis()));
        props.put(prefix + "timeout", String.valueOf(settings.timeout().toMillis()));
        props.put(prefix + "writetimeout", String.valueOf(settings.timeout().toMillis()));
        if (endpoints.imapSecurity() == MailProperties.Security.STARTTLS) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
        }
        if (endpoints.imapSecurity() != MailProperties.Security.NONE) {
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        Store connected = Session.getInstance(props).getStore(protocol);
        connected.connect(endpoints.imapHost(), endpoints.imapPort(), endpoints.imapUser(), endpoints.imapPassword());
        return connected;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                log.debug("Closing the mail store failed", e);
            }
        }
    }
}
