package fr.sommenumerique.helpdesk.telegram;

/**
 * Read-only view of the Telegram channel's state, for health indicators and the staff dashboard.
 * Always present as a bean, also when the channel is off.
 */
public interface TelegramChannelStatus {

    /** A consistent copy of the current state; cheap, safe to call from any thread. */
    TelegramChannelHealth snapshot();
}
