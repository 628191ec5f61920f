package fr.sommenumerique.helpdesk.ticketing.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free yearly references such as MC-2026-00042, counted in the database (table {@code reference_counters}), so
 * that every instance sharing it draws from the same counter. The counter row is incremented inside the caller's
 * transaction: concurrent callers, in this process or another, wait on its row lock, and a rolled-back caller gives
 * its number back. (A database sequence would leave gaps and not restart each year.)
 *
 * <p>A transaction may draw from several counters (a group of mails: tickets and requests). Each draw first locks
 * every counter of the year, always in the same order, so two such transactions wait for each other instead of
 * deadlocking (PostgreSQL then aborted one of them: an update of a chat was quarantined).
 */
@Component
public class ReferenceGenerator {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    public ReferenceGenerator(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String prefix, int year) {
        jdbc.sql("SELECT prefix FROM reference_counters WHERE ref_year = ? ORDER BY prefix FOR UPDATE")
                .param(year)
                .query(String.class)
                .list();
        if (increment(prefix, year) == 0) {
            try {
                // in a savepoint: on PostgreSQL a failed statement would otherwise abort the caller's transaction
                savepoint.executeWithoutResult(status -> jdbc
                        .sql("INSERT INTO reference_counters (prefix, ref_year, last_value) VALUES (?, ?, 1)")
                        .params(prefix, year)
                        .update());
            } catch (DuplicateKeyException concurrentlyCreated) {
                // another transaction created this year's row first (and has committed): take the next number
                increment(prefix, year);
            }
        }
        int value = jdbc.sql("SELECT last_value FROM reference_counters WHERE prefix = ? AND ref_year = ?")
                .params(prefix, year)
                .query(Integer.class)
                .single();
        return "%s-%d-%05d".formatted(prefix, year, value);
    }

    private int increment(String prefix, int year) {
        return jdbc.sql("UPDATE reference_counters SET last_value = last_value + 1 WHERE prefix = ? AND ref_year = ?")
                .params(prefix, year)
                .update();
    }
}
