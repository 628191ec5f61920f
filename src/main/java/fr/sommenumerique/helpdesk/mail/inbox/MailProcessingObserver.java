package fr.sommenumerique.helpdesk.mail.inbox;

/**
 * Told when a message's effects are committed, just before it is marked as done on the mail server. The gap between
 * the two is where a crash would leave a committed message unmarked; tests use this to stage that crash.
 */
@FunctionalInterface
public interface MailProcessingObserver {

    MailProcessingObserver NONE = sourceRef -> { };

    void committed(String sourceRef);
}
