package fr.sommenumerique.helpdesk.mail.parsing;

/**
 * Thrown when nothing usable can be extracted from raw bytes (empty input, binary garbage).
 * The caller is expected to quarantine the raw bytes together with {@link #reason()}.
 */
public class UnparseableMailException extends Exception {

    private final String reason;

    public UnparseableMailException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public UnparseableMailException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /** Human-readable French explanation, suitable for a quarantine record. */
    public String reason() {
        return reason;
    }
}
