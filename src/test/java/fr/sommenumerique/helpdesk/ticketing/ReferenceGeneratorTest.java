package fr.sommenumerique.helpdesk.ticketing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.sommenumerique.helpdesk.ticketing.internal.ReferenceGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * References come from the database counter (concurrent callers: TicketsTest); a rolled-back number is reused; two
 * transactions drawing from two counters in opposite orders (a group of mails and a chat message) do not deadlock.
 * Runs on H2 and on PostgreSQL.
 */
class ReferenceGeneratorTest extends TicketingTestBase {

    @Autowired
    ReferenceGenerator references;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_rolled_back_caller_gives_its_number_back() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThat(tx.<String>execute(status -> references.next("DA", 2031))).isEqualTo("DA-2031-00001");
        tx.executeWithoutResult(status -> {
            assertThat(references.next("DA", 2031)).isEqualTo("DA-2031-00002");
            status.setRollbackOnly();
        });
        assertThat(tx.<String>execute(status -> references.next("DA", 2031))).isEqualTo("DA-2031-00002");
    }

    @Test
    void two_transactions_drawing_two_counters_in_opposite_orders_both_get_their_numbers() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            references.next("DA", 2032);
            references.next("MC", 2032);
        });
        CountDownLatch firstHoldsMc = new CountDownLatch(1);
        CountDownLatch secondHoldsDa = new CountDownLatch(1);
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            String mc = references.next("MC", 2032);
            firstHoldsMc.countDown();
            await(secondHoldsDa); // without a common lock order the second now holds DA: a deadlock follows
            return List.of(mc, references.next("DA", 2032));
        }));
        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            await(firstHoldsMc);
            String da = references.next("DA", 2032);
            secondHoldsDa.countDown();
            return List.of(da, references.next("MC", 2032));
        }));

        assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly("MC-2032-00002", "DA-2032-00002");
        assertThat(second.get(30, TimeUnit.SECONDS)).containsExactly("DA-2032-00003", "MC-2032-00003");
    }

    /** Waits for the other transaction, at most a second (it may be waiting on a lock this one holds). */
    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
