package fr.sommenumerique.helpdesk.ticketing;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.ticketing.internal.CommuneLinkingProperties;
import fr.sommenumerique.helpdesk.ticketing.internal.CommuneMentionFinder;

/**
 * Works out which commune a sender writes for, trying in order:
 * <ol>
 *   <li>{@link CommuneMatch.Method#CONTACT}: the sender is a known contact already linked to a commune;</li>
 *   <li>{@link CommuneMatch.Method#MENTION}: the message or signature names a commune with enough evidence
 *       (see {@link CommuneMentionFinder}: single-word names such as « Y » or « Rue » need « commune de »,
 *       « mairie d' », a postal code or « (80…) »; homonyms need the postal code);</li>
 *   <li>{@link CommuneMatch.Method#DOMAIN}: the address's domain belongs to exactly one commune, learned from
 *       contacts already linked to a commune plus {@code helpdesk.communes.domains}; mailbox providers
 *       (orange.fr, wanadoo.fr, gmail.com…, {@code helpdesk.communes.generic-domains}) never count.</li>
 * </ol>
 * Nothing is written: the caller decides whether to {@link Contacts#assignCommune assign} the result.
 */
@Service
@Transactional(readOnly = true)
public class CommuneLinker {

    private final Communes communes;
    private final Contacts contacts;
    private final JdbcClient jdbc;
    private final CommuneLinkingProperties properties;
    private final Set<String> genericDomains = new HashSet<>();
    private volatile CommuneMentionFinder finder;

    public CommuneLinker(Communes communes, Contacts contacts, JdbcClient jdbc, CommuneLinkingProperties properties) {
        this.communes = communes;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.properties = properties;
        properties.genericDomains().forEach(d -> genericDomains.add(d.trim().toLowerCase(Locale.ROOT)));
        properties.extraGenericDomains().forEach(d -> genericDomains.add(d.trim().toLowerCase(Locale.ROOT)));
    }

    /** Links the sender of an e-mail (address may be null, e.g. unknown) given the message text. */
    public Optional<CommuneMatch> link(String senderEmail, String text) {
        Contact contact = senderEmail == null ? null : contacts.byEmail(senderEmail).orElse(null);
        if (contact != null) {
            return link(contact, text);
        }
        return linkWithoutContact(senderEmail, text);
    }

    /** Links a known contact (may be null), e.g. a Telegram contact, given the message text. */
    public Optional<CommuneMatch> link(Contact contact, String text) {
        if (contact != null && contact.communeInsee() != null) {
            Optional<Commune> commune = communes.byInsee(contact.communeInsee());
            if (commune.isPresent()) {
                return Optional.of(new CommuneMatch(commune.get(), CommuneMatch.Method.CONTACT));
            }
        }
        return linkWithoutContact(contact == null ? null : contact.email(), text);
    }

    private Optional<CommuneMatch> linkWithoutContact(String email, String text) {
        Optional<Commune> mentioned = findMention(text);
        if (mentioned.isPresent()) {
            return Optional.of(new CommuneMatch(mentioned.get(), CommuneMatch.Method.MENTION));
        }
        return byEmailDomain(email).map(c -> new CommuneMatch(c, CommuneMatch.Method.DOMAIN));
    }

    /** The commune named in a text, when the evidence designates exactly one. */
    public Optional<Commune> findMention(String text) {
        return mentionFinder().find(text);
    }

    /** The commune owning the domain of this address, if exactly one does and it is not a mailbox provider. */
    public Optional<Commune> byEmailDomain(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String domain;
        try {
            domain = Contacts.domainOf(email);
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
        if (isGenericDomain(domain)) {
            return Optional.empty();
        }
        Set<String> codes = new HashSet<>(jdbc.sql(
                        "SELECT DISTINCT commune_insee FROM contacts WHERE email_domain = ? AND commune_insee IS NOT NULL")
                .params(domain).query(String.class).list());
        for (Map.Entry<String, String> e : properties.domains().entrySet()) {
            if (e.getKey().trim().toLowerCase(Locale.ROOT).equals(domain)) {
                codes.add(e.getValue().trim());
            }
        }
        return codes.size() == 1 ? communes.byInsee(codes.iterator().next()) : Optional.empty();
    }

    /** Whether the domain (or a parent domain) is a mailbox provider's. */
    public boolean isGenericDomain(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        while (true) {
            if (genericDomains.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
                return false;
            }
            d = d.substring(dot + 1);
        }
    }

    private CommuneMentionFinder mentionFinder() {
        CommuneMentionFinder f = finder;
        if (f == null) {
            List<Commune> all = communes.all();
            f = new CommuneMentionFinder(all, properties.ignoreLinesContaining());
            finder = f;
        }
        return f;
    }
}
