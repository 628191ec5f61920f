package fr.sommenumerique.helpdesk.mail.parsing;

import java.util.List;

/**
 * Classification of a mail.
 *
 * @param kind              the verdict
 * @param reason            French explanation of the signal that decided (for logs and the staff UI)
 * @param failedRecipients  addresses that could not be delivered (bounces only), lower-cased
 * @param bySubjectOnly     only the subject looks automatic, no header confirms it: the mail may be a person's
 * @param note              for a machine report, what it says in French for staff (« Accusé de lecture : … lu le … »),
 *                          or null
 * @param reportedMessageId the Message-ID of the mail the report is about (read, delayed, returned), or null
 */
public record MachineMailVerdict(MachineMailKind kind, String reason, List<String> failedRecipients,
                                 boolean bySubjectOnly, String note, String reportedMessageId) {

    public MachineMailVerdict {
        failedRecipients = List.copyOf(failedRecipients);
    }

    public MachineMailVerdict(MachineMailKind kind, String reason, List<String> failedRecipients) {
        this(kind, reason, failedRecipients, false, null, null);
    }

    public boolean isHuman() {
        return kind == MachineMailKind.HUMAN;
    }

    static MachineMailVerdict of(MachineMailKind kind, String reason) {
        return new MachineMailVerdict(kind, reason, List.of());
    }

    static MachineMailVerdict bySubject(MachineMailKind kind, String reason) {
        return new MachineMailVerdict(kind, reason, List.of(), true, null, null);
    }

    static MachineMailVerdict report(MachineMailKind kind, String reason, List<String> failedRecipients, String note,
                                     String reportedMessageId) {
        return new MachineMailVerdict(kind, reason, failedRecipients, false, note, reportedMessageId);
    }
}
