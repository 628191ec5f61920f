/**
 * Tickets, messages, contacts, communes, subscription requests, SLA, outbox and audit log.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Ticketing",
        allowedDependencies = {"assistant", "knowledge"})
package fr.sommenumerique.helpdesk.ticketing;
