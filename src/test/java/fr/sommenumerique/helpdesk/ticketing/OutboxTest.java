package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import fr.sommenumerique.helpdesk.testdb.TestPostgres;

class OutboxTest extends TicketingTestBase {

    @Autowired
    Outbox outbox;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Contacts contacts;

    @Autowired
    Tickets tickets;

    @Test
    void enqueueNormalisesAndValidates() {
        Contact c = contacts.findOrCreateByEmail("marie@mairie-y.fr", null);
        Ticket t = tickets.open(NewTicket.of("x", Channel.EMAIL, c.id()));
        String messageId = outbox.newMessageId();
        assertThat(messageId).matches("[0-9a-f-]{36}@mairie-connectee\\.local"); // no support address set: the default one's domain
        OutboxMessage m = outbox.enqueue(OutgoingMessage.email(" Marie@Mairie-Y.fr ", "Re: x", "Bonjour")
                .withHtml("<p>Bonjour</p>").withThreading("<" + messageId + ">", "<in@mairie-y.fr>", "<in@mairie-y.fr>")
                .asAutomatic().forTicket(t.id()));
        assertThat(m.recipient()).isEqualTo("marie@mairie-y.fr");
        assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(m.attempts()).isZero();
        assertThat(m.nextAttemptAt()).isEqualTo(clock.instant());
        assertThat(m.messageId()).isEqualTo(messageId);
        assertThat(m.inReplyTo()).isEqualTo("in@mairie-y.fr");
        assertThat(m.references()).isEqualTo("<in@mairie-y.fr>");
        assertThat(m.autoSubmitted()).isEqualTo("auto-replied");
        assertThat(m.htmlBody()).isEqualTo("<p>Bonjour</p>");
        assertThat(outbox.ofTicket(t.id())).extracting(OutboxMessage::id).containsExactly(m.id());
        assertThat(outbox.enqueue(OutgoingMessage.telegram(-100123L, "Salut")).recipient()).isEqualTo("-100123");
        assertThat(outbox.enqueue(OutgoingMessage.email("a@b.fr", "s", "t")).autoSubmitted()).isNull();
        assertThatThrownBy(() -> outbox.enqueue(OutgoingMessage.email("pas-une-adresse", "s", "t")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.enqueue(new OutgoingMessage(Channel.TELEGRAM, "@pseudo", null, "t", null, null, null, null, false, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Telegram");
    }

    @Test
    void enqueueBelongsToTheCallersTransaction() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            outbox.enqueue(OutgoingMessage.email("a@b.fr", "s", "t"));
            throw new IllegalStateException("effects failed");
        })).hasMessage("effects failed");
        assertThat(outbox.backlog(Channel.EMAIL)).isZero();
    }

    @Test
    void anInvalidRecipientDoesNotSpoilTheCallersTransaction() {
        tx.executeWithoutResult(s -> {
            assertThatThrownBy(() -> outbox.enqueue(OutgoingMessage.email("bad address", "s", "t")))
                    .isInstanceOf(IllegalArgumentException.class);
            outbox.enqueue(OutgoingMessage.email("good@b.fr", "s", "t"));
        });
        assertThat(outbox.backlog(Channel.EMAIL)).isEqualTo(1);
    }

    @Test
    void claimOnlyDueMessagesOfTheChannelAndLeaseThem() {
        OutboxMessage mail = outbox.enqueue(OutgoingMessage.email("a@b.fr", "s", "t"));
        outbox.enqueue(OutgoingMessage.telegram(42L, "t"));
        assertThat(outbox.backlog(Channel.EMAIL)).isEqualTo(1);
        assertThat(outbox.backlog(Channel.TELEGRAM)).isEqualTo(1);
        assertThat(outbox.claimDue(Channel.EMAIL, 10)).extracting(OutboxMessage::id).containsExactly(mail.id());
        assertThat(outbox.claimDue(Channel.EMAIL, 10)).as("leased to the first poller").isEmpty();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(outbox.claimDue(Channel.EMAIL, 10)).as("lease expired: poller crashed").extracting(OutboxMessage::id)
                .containsExactly(mail.id());
        outbox.markSent(mail.id(), "<smtp-id@b.fr>");
        clock.advance(Duration.ofMinutes(10));
        assertThat(outbox.claimDue(Channel.EMAIL, 10)).isEmpty();
        OutboxMessage sent = outbox.byId(mail.id()).orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.externalId()).isEqualTo("<smtp-id@b.fr>");
        assertThat(sent.sentAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(10)));
        assertThat(outbox.backlog(Channel.EMAIL)).isZero();
        assertThat(outbox.claimDue(Channel.EMAIL, 0)).isEmpty();
    }

    @Test
    void anAttemptInterruptedByACrashIsResentAsTheSameMailButNeverResentToTelegram() {
        OutboxMessage mail = outbox.enqueue(OutgoingMessage.email("a@b.fr", "s", "t")
                .withThreading("<" + outbox.newMessageId() + ">", null, null));
        OutboxMessage chat = outbox.enqueue(OutgoingMessage.telegram(42L, "t"));
        assertThat(outbox.claimDue(Channel.EMAIL, 10)).hasSize(1);
        assertThat(outbox.claimDue(Channel.TELEGRAM, 10)).hasSize(1);
        outbox.beginAttempt(mail.id());
        outbox.beginAttempt(chat.id());
        // the process dies here: no outcome recorded; the lease runs out
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        List<OutboxMessage> mails = outbox.claimDue(Channel.EMAIL, 10);
        assertThat(mails).extracting(OutboxMessage::id).containsExactly(mail.id());
        assertThat(mails.get(0).messageId()).as("the same Message-ID: clients merge the copies").isEqualTo(mail.messageId());
        assertThat(audit.of(AuditLog.OUTBOX, mail.id())).extracting(AuditEntry::action).contains("attempt.interrupted");

        assertThat(outbox.claimDue(Channel.TELEGRAM, 10)).as("may have been delivered: not sent again").isEmpty();
        OutboxMessage doubtful = outbox.byId(chat.id()).orElseThrow();
        assertThat(doubtful.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(doubtful.lastError()).startsWith(Outbox.UNCERTAIN);
        assertThat(outbox.failed()).extracting(OutboxMessage::id).contains(chat.id());

        outbox.markSent(mail.id(), null);
        assertThat(outbox.byId(mail.id()).orElseThrow().attemptStartedAt()).isNull();
        outbox.retryNow(chat.id(), "agent");
        assertThat(outbox.claimDue(Channel.TELEGRAM, 10)).as("staff decided to send it again")
                .extracting(OutboxMessage::id).containsExactly(chat.id());
    }

    @Test
    void aTelegramMessagePostponedByA429IsNotInDoubtAndLeavesAfterExactlyTheWait() {
        OutboxMessage chat = outbox.enqueue(OutgoingMessage.telegram(43L, "t"));
        assertThat(outbox.claimDueInRecipientOrder(Channel.TELEGRAM, 10)).hasSize(1);
        outbox.beginAttempt(chat.id());

        outbox.postpone(chat.id(), Duration.ofSeconds(4), "429 retry_after=4");

        OutboxMessage postponed = outbox.byId(chat.id()).orElseThrow();
        assertThat(postponed.attemptStartedAt()).as("refused, so certainly not sent").isNull();
        assertThat(postponed.attempts()).isZero();
        clock.advance(Duration.ofSeconds(3));
        assertThat(outbox.claimDueInRecipientOrder(Channel.TELEGRAM, 10)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.claimDueInRecipientOrder(Channel.TELEGRAM, 10)).extracting(OutboxMessage::id)
                .containsExactly(chat.id());
    }

    @Test
    void claimsRespectOrderAndMax() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(outbox.enqueue(OutgoingMessage.email("a@b.fr", "s" + i, "t")).id());
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(outbox.claimDue(Channel.EMAIL, 2)).extracting(OutboxMessage::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(outbox.claimDue(Channel.EMAIL, 2)).extracting(OutboxMessage::id).containsExactly(ids.get(2), ids.get(3));
        assertThat(outbox.claimDue(Channel.EMAIL, 2)).extracting(OutboxMessage::id).containsExactly(ids.get(4));
    }

    @Test
    void aClaimInProgressElsewhereIsSkippedNotWaitedFor() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(outbox.enqueue(OutgoingMessage.email("skip" + i + "@b.fr", "s", "t")).id());
        }
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // another instance's sender claims two messages; its transaction is still open
            Future<List<Long>> first = pool.submit(() -> tx.execute(status -> {
                List<Long> mine = outbox.claimDue(Channel.EMAIL, 2).stream().map(OutboxMessage::id).toList();
                firstClaimed.countDown();
                awaitQuietly(release);
                return mine;
            }));
            assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();
            Future<List<Long>> second = pool.submit(() -> outbox.claimDue(Channel.EMAIL, 10).stream()
                    .map(OutboxMessage::id).toList());
            List<Long> secondClaim = second.get(5, TimeUnit.SECONDS); // answered at once, not after the other's commit
            assertThat(secondClaim).isSubsetOf(ids.get(2), ids.get(3));
            if (TestPostgres.selected()) {
                // PostgreSQL locks only the rows the other claim returned; H2 locks every row its query read, so
                // there the second sender may find nothing this time and take the rest at its next round
                assertThat(secondClaim).containsExactly(ids.get(2), ids.get(3));
            }
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(ids.get(0), ids.get(1));
            List<Long> all = new ArrayList<>(secondClaim);
            all.addAll(ids.subList(0, 2));
            outbox.claimDue(Channel.EMAIL, 10).forEach(m -> all.add(m.id()));
            assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void concurrentPollersNeverGetTheSameMessage() throws Exception {
        int total = 120;
        for (int i = 0; i < total; i++) {
            outbox.enqueue(OutgoingMessage.email("a" + i + "@b.fr", "s", "t"));
        }
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> pollers = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                pollers.add(() -> {
                    for (int round = 0; round < 200; round++) {
                        List<OutboxMessage> batch = outbox.claimDue(Channel.EMAIL, 7);
                        for (OutboxMessage m : batch) {
                            claimed.add(m.id());
                            outbox.markSent(m.id(), "x");
                        }
                        if (outbox.backlog(Channel.EMAIL) == 0) {
                            break;
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(pollers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(claimed).hasSize(total).doesNotHaveDuplicates();
        assertThat(outbox.backlog(Channel.EMAIL)).isZero();
    }

    @Test
    void exponentialBackoffThenFailedThenRetry() {
        OutboxMessage m = outbox.enqueue(OutgoingMessage.email("a@b.fr", "s", "t"));
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 7; attempt++) {
            assertThat(outbox.claimDue(Channel.EMAIL, 1)).hasSize(1);
            Instant failedAt = clock.instant();
            OutboxMessage after = outbox.markAttemptFailed(m.id(), "421 try again later (" + attempt + ")");
            assertThat(after.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(after.attempts()).isEqualTo(attempt);
            assertThat(after.lastError()).isEqualTo("421 try again later (" + attempt + ")");
            waits.add(Duration.between(failedAt, after.nextAttemptAt()));
            assertThat(outbox.claimDue(Channel.EMAIL, 1)).as("not due before the backoff").isEmpty();
            clock.set(after.nextAttemptAt());
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
                Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));

        assertThat(outbox.claimDue(Channel.EMAIL, 1)).hasSize(1);
        OutboxMessage failed = outbox.markAttemptFailed(m.id(), "421 still down");
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(8);
        assertThat(outbox.failed()).extracting(OutboxMessage::id).containsExactly(m.id());
        assertThat(outbox.backlog(Channel.EMAIL)).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(outbox.claimDue(Channel.EMAIL, 1)).isEmpty();
        List<AuditEntry> entries = audit.of(AuditLog.OUTBOX, m.id());
        assertThat(entries).extracting(AuditEntry::action).containsExactly("queued", "attempt.failed", "attempt.failed",
                "attempt.failed", "attempt.failed", "attempt.failed", "attempt.failed", "attempt.failed", "failed");
        assertThat(entries.get(0).details()).isEqualTo("E-mail vers a@b.fr");
        assertThat(entries.get(1).details()).startsWith("Tentative n° 1 échouée, nouvel essai à ").endsWith(" : 421 try again later (1)");
        assertThat(entries.get(8).details()).contains("a@b.fr", "8 tentative(s)", "421 still down");

        OutboxMessage retried = outbox.retryNow(m.id(), "alice");
        assertThat(retried.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(retried.attempts()).isZero();
        assertThat(outbox.failed()).isEmpty();
        assertThat(outbox.claimDue(Channel.EMAIL, 1)).hasSize(1);
        outbox.markSent(m.id(), "ok");
        assertThat(audit.of(AuditLog.OUTBOX, m.id())).extracting(AuditEntry::action, AuditEntry::actor)
                .endsWith(org.assertj.core.groups.Tuple.tuple("failed", "system"),
                        org.assertj.core.groups.Tuple.tuple("retry", "alice"),
                        org.assertj.core.groups.Tuple.tuple("sent", "system"));
        assertThat(audit.of(AuditLog.OUTBOX, m.id()).get(10).details()).isEqualTo("Envoyé à a@b.fr (tentative n° 1, ok)");
        assertThatThrownBy(() -> outbox.retryNow(m.id(), "alice")).isInstanceOf(IllegalStateException.class);
        assertThat(outbox.markAttemptFailed(m.id(), "late").status()).as("a sent message stays sent").isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void permanentFailure() {
        OutboxMessage m = outbox.enqueue(OutgoingMessage.telegram(7L, "t"));
        OutboxMessage failed = outbox.markFailedPermanently(m.id(), "Forbidden: bot was blocked by the user");
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(outbox.failed()).extracting(OutboxMessage::id).containsExactly(m.id());
        assertThatThrownBy(() -> outbox.markSent(999_999L, "x")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void automaticRepliesAreRateLimitedPerAddress() {
        assertThat(outbox.mayAutoReply("robot@example.org")).isTrue();
        for (int i = 0; i < 3; i++) {
            outbox.enqueue(OutgoingMessage.email("Robot@Example.org", "Accusé de réception", "…").asAutomatic());
            clock.advance(Duration.ofMinutes(10));
        }
        outbox.enqueue(OutgoingMessage.email("robot@example.org", "Réponse d'un agent", "…"));
        outbox.enqueue(OutgoingMessage.email("autre@example.org", "Accusé", "…").asAutomatic());
        assertThat(outbox.automaticRepliesSince("robot@example.org", clock.instant().minus(Duration.ofHours(1)))).isEqualTo(3);
        assertThat(outbox.mayAutoReply("ROBOT@example.org")).isFalse();
        assertThat(outbox.mayAutoReply("autre@example.org")).isTrue();
        clock.advance(Duration.ofMinutes(31)); // the first one is now more than an hour old
        assertThat(outbox.mayAutoReply("robot@example.org")).isTrue();
        outbox.enqueue(OutgoingMessage.telegram(99L, "auto").asAutomatic());
        assertThat(outbox.automaticRepliesSince("99", Instant.EPOCH)).isEqualTo(1);
    }
}
