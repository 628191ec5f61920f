/**
 * Telegram channel: long polling bot, commands, buttons, delivery of staff replies.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Telegram channel",
        allowedDependencies = {"conversation", "ticketing", "assistant", "knowledge", "cluster"})
package fr.sommenumerique.helpdesk.telegram;
