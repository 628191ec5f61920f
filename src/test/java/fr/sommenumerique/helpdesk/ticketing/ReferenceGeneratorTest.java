package fr.sommenumerique.helpdesk.ticketing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.sommenumerique.helpdesk.ticketing.internal.ReferenceGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/** References come from the database counter (concurrent callers: TicketsTest); a rolled-back number is reused. */
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
}
