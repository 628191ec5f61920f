package fr.sommenumerique.helpdesk.mail.parsing;

/** What kind of sender produced a mail. */
public enum MachineMailKind {
    /** Written by a person: open or update a ticket. */
    HUMAN,
    /** Automatic answer other than an absence notice (ticket acknowledgement, "no-reply" robot…). */
    AUTO_REPLY,
    /** Absence / vacation notice. */
    OUT_OF_OFFICE,
    /** Delivery failure report (DSN, mailer-daemon). */
    BOUNCE,
    /** Newsletter or mailing list. */
    MAILING_LIST,
    /** A mail we sent ourselves coming back (loop). */
    OWN_MAIL
}
