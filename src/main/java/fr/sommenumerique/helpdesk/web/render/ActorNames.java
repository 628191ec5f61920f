package fr.sommenumerique.helpdesk.web.render;

import fr.sommenumerique.helpdesk.ticketing.AuditEntry;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who did something, as staff read it ({@code @actors.label(...)} in templates): the actor names stored by ticketing
 * ({@code system}, {@code assistant}, {@code contact:12}, a staff username) become « Système », « Assistant », the
 * contact's name or address, the staff member's display name.
 */
@Component("actors")
public class ActorNames {

    /** Where ticketing's history texts name a staff member by login (« Attribué à cmartin (était jdupont) »). */
    private static final Pattern STAFF_IN_DETAILS = Pattern.compile("(Attribué à |\\(était |envoyée par )([a-z0-9][a-z0-9._-]*)");

    private final Contacts contacts;
    private final StaffAccounts staff;

    public ActorNames(Contacts contacts, StaffAccounts staff) {
        this.contacts = contacts;
        this.staff = staff;
    }

    public String label(String actor) {
        if (actor == null || actor.isBlank()) {
            return "—";
        }
        String a = actor.strip();
        if (a.equalsIgnoreCase(Tickets.SYSTEM) || a.equalsIgnoreCase("systeme")) {
            return "Système";
        }
        if (a.equalsIgnoreCase(Tickets.ASSISTANT)) {
            return "Assistant";
        }
        OptionalLong contactId = AuditLog.contactIdOf(a);
        if (contactId.isPresent()) {
            long id = contactId.getAsLong();
            return contacts.byId(id).map(Contact::label).orElse("Contact n° " + id);
        }
        return staff.find(a).map(StaffUser::displayName).orElse(a);
    }

    /** « de l’assistant », « du système », « de Marie Lefèvre », « d’Anne Roux »: the author after a noun. */
    public String of(String actor) {
        String a = actor == null ? "" : actor.strip();
        if (a.equalsIgnoreCase(Tickets.SYSTEM)) {
            return "du système";
        }
        if (a.equalsIgnoreCase(Tickets.ASSISTANT)) {
            return "de l’assistant";
        }
        String label = label(actor);
        return label.matches("(?i)^[aeiouyàâéèêëîïôûh].*") && !label.contains("@") ? "d’" + label : "de " + label;
    }

    /** A staff member's name for a username (« — » for none). */
    public String staffName(String username) {
        if (username == null || username.isBlank()) {
            return "—";
        }
        return staff.find(username).map(StaffUser::displayName).orElse(username);
    }

    /** A history line as staff read it: the logins ticketing wrote become names (« Attribué à Claire Martin »). */
    public String details(AuditEntry entry) {
        if (entry.details() == null) {
            return entry.action();
        }
        return STAFF_IN_DETAILS.matcher(entry.details()).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + label(m.group(2))));
    }
}
