package fr.sommenumerique.helpdesk.ticketing.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code helpdesk.communes.*}: how senders are linked to communes.
 *
 * @param genericDomains        mailbox providers whose domain never identifies a commune (replaces the default list)
 * @param extraGenericDomains   added to {@code genericDomains}
 * @param domains               known commune domains, e.g. {@code helpdesk.communes.domains.[mairie-rue.fr]=80688}
 * @param ignoreLinesContaining lines containing one of these phrases are not searched for commune names
 *                              (our own signature, quoted in replies, names Amiens)
 */
@ConfigurationProperties("helpdesk.communes")
public record CommuneLinkingProperties(List<String> genericDomains, List<String> extraGenericDomains,
                                       Map<String, String> domains, List<String> ignoreLinesContaining) {

    public static final List<String> DEFAULT_GENERIC_DOMAINS = List.of(
            "orange.fr", "wanadoo.fr", "laposte.net", "gmail.com", "googlemail.com", "hotmail.fr", "hotmail.com",
            "outlook.fr", "outlook.com", "live.fr", "live.com", "msn.com", "yahoo.fr", "yahoo.com", "free.fr",
            "sfr.fr", "neuf.fr", "cegetel.net", "bbox.fr", "aol.com", "aol.fr", "icloud.com", "me.com", "mac.com",
            "gmx.fr", "gmx.com", "numericable.fr", "club-internet.fr", "protonmail.com", "proton.me", "pm.me",
            "tutanota.com", "mailo.com", "netcourrier.com", "voila.fr", "nordnet.fr", "alice.fr", "aliceadsl.fr",
            "9online.fr", "dbmail.com");

    public CommuneLinkingProperties {
        genericDomains = genericDomains == null || genericDomains.isEmpty() ? DEFAULT_GENERIC_DOMAINS : List.copyOf(genericDomains);
        extraGenericDomains = extraGenericDomains == null ? List.of() : List.copyOf(extraGenericDomains);
        domains = domains == null ? Map.of() : Map.copyOf(domains);
        ignoreLinesContaining = ignoreLinesContaining == null || ignoreLinesContaining.isEmpty()
                ? List.of("Somme Numérique", "avenue d'Italie")
                : List.copyOf(ignoreLinesContaining);
    }

    public static CommuneLinkingProperties defaults() {
        return new CommuneLinkingProperties(null, null, null, null);
    }
}
