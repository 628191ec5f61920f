package fr.sommenumerique.helpdesk.mail.parsing;

/**
 * A reply split into its parts.
 *
 * @param text          the new text written by the sender (no quotes, reply headers or signature)
 * @param quoted        the quoted history that was removed (may be empty)
 * @param signature     the signature block (may be empty); ticketing uses it to recognise the commune
 * @param forwarded     the forwarded message (separator, headers and content) when the mail forwards one
 * @param forwardedFrom original sender found in the forwarded block, or null
 */
public record StrippedReply(String text, String quoted, String signature, String forwarded,
                           MailAddress forwardedFrom) {

    public StrippedReply {
        text = text == null ? "" : text;
        quoted = quoted == null ? "" : quoted;
        signature = signature == null ? "" : signature;
        forwarded = forwarded == null ? "" : forwarded;
    }

    public boolean isForward() {
        return !forwarded.isBlank();
    }

    /** The text with its signature, as the sender wrote it above the quotation. */
    public String textWithSignature() {
        return signature.isEmpty() ? text : text.isEmpty() ? signature : text + "\n\n" + signature;
    }
}
