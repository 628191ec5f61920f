package fr.sommenumerique.helpdesk.mail.parsing;

import java.util.Locale;

/**
 * An email address with its decoded display name.
 *
 * @param address     the addr-spec as written (may be empty when the header had only a name)
 * @param displayName decoded RFC 2047 display name, or null
 */
public record MailAddress(String address, String displayName) {

    /** Lower-cased address, for comparisons. */
    public String normalizedAddress() {
        return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
    }

    /** Domain part of the address, lower-cased, or empty. */
    public String domain() {
        String a = normalizedAddress();
        int at = a.lastIndexOf('@');
        return at < 0 ? "" : a.substring(at + 1);
    }

    /** Local part of the address, lower-cased. */
    public String localPart() {
        String a = normalizedAddress();
        int at = a.lastIndexOf('@');
        return at < 0 ? a : a.substring(0, at);
    }

    @Override
    public String toString() {
        if (displayName == null || displayName.isBlank()) {
            return address;
        }
        return displayName + " <" + address + ">";
    }
}
