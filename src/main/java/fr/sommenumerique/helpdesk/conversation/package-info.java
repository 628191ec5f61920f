/**
 * Turns one inbound message from any channel into effects: asks the assistant, records tickets or
 * requests, and queues the reply for the channel it came from.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Conversation",
        allowedDependencies = {"ticketing", "assistant", "knowledge"})
package fr.sommenumerique.helpdesk.conversation;
