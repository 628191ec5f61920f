package fr.sommenumerique.helpdesk.conversation;

/** Whether a message was written by a person or sent by a machine, as the channel detected it. */
public enum Automation {
    /** Written by a person. */
    NONE,
    /** An automatic reply other than an absence notice. */
    AUTO_REPLY,
    /** An out-of-office notice. */
    OUT_OF_OFFICE,
    /**
     * Looks like an automatic reply or an absence notice from its subject alone, with no header to confirm it: it
     * may be a person's message, so it is never answered automatically but never dropped either.
     */
    LIKELY_AUTO_REPLY,
    /** A delivery failure report. */
    BOUNCE,
    /** Mail from a mailing list or a bulk sender. */
    MAILING_LIST,
    /** Our own mail coming back (a loop). */
    OWN_MAIL
}
