package fr.sommenumerique.helpdesk.ticketing;

public enum MessageDirection {
    /** From the requester. */
    INBOUND,
    /** To the requester (staff reply or automatic answer). */
    OUTBOUND,
    /** Internal staff note, never sent. */
    NOTE
}
