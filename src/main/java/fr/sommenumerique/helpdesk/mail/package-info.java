/**
 * Email channel: IMAP intake, MIME parsing, reply stripping, machine-mail detection, SMTP delivery.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Email channel",
        allowedDependencies = {"conversation", "ticketing", "assistant", "knowledge", "cluster"})
package fr.sommenumerique.helpdesk.mail;
