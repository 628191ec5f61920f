package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

class InboundDedupeAndQuarantineTest extends TicketingTestBase {

    @Autowired
    ProcessedInbound processed;

    @Autowired
    Quarantine quarantine;

    @Autowired
    Tickets tickets;

    @Autowired
    Contacts contacts;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    /** What a channel does with one inbound message: dedupe row first, then the effects, one transaction. */
    private Ticket handle(String messageId, long contactId) {
        return tx.execute(s -> {
            processed.markProcessed(Channel.EMAIL, messageId, messageId, ProcessedInbound.sha256("corps"), null, "RECEIVED");
            Ticket t = tickets.open(NewTicket.of("Question", Channel.EMAIL, contactId)
                    .withFirstMessage(NewMessage.of(Channel.EMAIL, "corps")));
            processed.updateOutcome(Channel.EMAIL, messageId, t.id(), "TICKET_OPENED");
            return t;
        });
    }

    @Test
    void aRedeliveredMessageHasNoSecondEffect() {
        Contact c = contacts.findOrCreateByEmail("marie@mairie-y.fr", null);
        Ticket first = handle("<m1@mairie-y.fr>", c.id());
        assertThat(processed.isProcessed(Channel.EMAIL, "<m1@mairie-y.fr>")).isTrue();
        assertThat(processed.isProcessed(Channel.TELEGRAM, "<m1@mairie-y.fr>")).isFalse();
        InboundRecord record = processed.find(Channel.EMAIL, "<m1@mairie-y.fr>").orElseThrow();
        assertThat(record.ticketId()).isEqualTo(first.id());
        assertThat(record.outcome()).isEqualTo("TICKET_OPENED");
        assertThat(record.contentHash()).isEqualTo(ProcessedInbound.sha256("corps")).hasSize(64);

        assertThatThrownBy(() -> handle("<m1@mairie-y.fr>", c.id())).isInstanceOf(AlreadyProcessedException.class);
        assertThat(tickets.ticketsOf(c.id())).as("the duplicate's ticket was rolled back").hasSize(1);
        assertThat(tickets.open(NewTicket.of("n", Channel.EMAIL, c.id())).reference())
                .as("and gave its reference number back").isEqualTo("MC-2026-00002");
    }

    @Test
    void concurrentDuplicatesHaveOneEffect() throws Exception {
        Contact c = contacts.findOrCreateByEmail("marie@mairie-y.fr", null);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> {
                start.await();
                return handle("<same@mairie-y.fr>", c.id());
            });
            Future<?> b = pool.submit(() -> {
                start.await();
                return handle("<same@mairie-y.fr>", c.id());
            });
            start.countDown();
            int failures = 0;
            for (Future<?> f : new Future<?>[] {a, b}) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(AlreadyProcessedException.class);
                    failures++;
                }
            }
            assertThat(failures).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(tickets.ticketsOf(c.id())).hasSize(1);
    }

    @Test
    void markProcessedNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> processed.markProcessed(Channel.TELEGRAM, "1:2", null, null, null, "X"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> processed.markProcessed(Channel.TELEGRAM, " ", null, null, null, "X")))
                .isInstanceOf(IllegalArgumentException.class);
        String longKey = "k".repeat(1500);
        tx.executeWithoutResult(s -> processed.markProcessed(Channel.TELEGRAM, longKey, null, null, null, "X"));
        assertThat(processed.find(Channel.TELEGRAM, longKey).orElseThrow().dedupeKey()).startsWith("sha256:");
    }

    @Test
    void quarantineKeepsRawBytesAndSurvivesTheCallersRollback() {
        byte[] raw = "From: robot@x\r\nSubject: =?broken?=\r\n\r\n\u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1);
        QuarantinedItem[] stored = new QuarantinedItem[1];
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            stored[0] = quarantine.store(Channel.EMAIL, raw, "MIME illisible", "INBOX/UID 42");
            throw new IllegalStateException("processing failed");
        })).hasMessage("processing failed");
        QuarantinedItem item = quarantine.byId(stored[0].id()).orElseThrow();
        assertThat(item.status()).isEqualTo(QuarantineStatus.QUARANTINED);
        assertThat(item.reason()).isEqualTo("MIME illisible");
        assertThat(item.sourceRef()).isEqualTo("INBOX/UID 42");
        assertThat(item.size()).isEqualTo(raw.length);
        assertThat(item.createdAt()).isEqualTo(clock.instant());
        assertThat(quarantine.raw(item.id())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(raw));
        assertThat(quarantine.count(QuarantineStatus.QUARANTINED)).isEqualTo(1);
    }

    @Test
    void quarantineRetryAndDiscard() {
        QuarantinedItem a = quarantine.store(Channel.EMAIL, new byte[] {1, 2, 3}, "erreur base", "UID 1");
        clock.advance(java.time.Duration.ofMinutes(1));
        QuarantinedItem b = quarantine.store(Channel.TELEGRAM, new byte[] {4}, "update inconnu", "update 99");
        assertThat(quarantine.list(null, 0, 10).items()).extracting(QuarantinedItem::id).containsExactly(b.id(), a.id());
        QuarantinedItem retried = quarantine.markRetried(a.id(), "alice");
        assertThat(retried.status()).isEqualTo(QuarantineStatus.RETRIED);
        assertThat(retried.statusChangedBy()).isEqualTo("alice");
        assertThatThrownBy(() -> quarantine.markRetried(a.id(), "alice")).isInstanceOf(IllegalStateException.class);
        quarantine.discard(b.id(), "bob");
        assertThat(quarantine.list(QuarantineStatus.QUARANTINED, 0, 10).items()).isEmpty();
        assertThat(quarantine.list(QuarantineStatus.DISCARDED, 0, 10).items()).extracting(QuarantinedItem::id).containsExactly(b.id());
        assertThat(audit.of(AuditLog.QUARANTINE, a.id())).extracting(AuditEntry::action).containsExactly("quarantined", "retried");
        assertThat(audit.of(AuditLog.QUARANTINE, b.id())).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("quarantined", "system"), org.assertj.core.groups.Tuple.tuple("discarded", "bob"));
        assertThat(quarantine.raw(424242L)).isEmpty();
        assertThatThrownBy(() -> quarantine.discard(424242L, "bob")).isInstanceOf(NotFoundException.class);
    }
}
