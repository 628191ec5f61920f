package fr.sommenumerique.helpdesk.ticketing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;

/**
 * The person's name and role read from the end of a message: « Cordialement, / Marie Lefèvre / Secrétaire de mairie
 * / Mairie de Cannessières ». Only what looks plainly like a name (two to four capitalised words, nothing about the
 * commune or a phone) is taken; roles are the usual functions in a commune, in one spelling.
 */
public record ContactSignature(String name, String role) {

    /** The roles staff choose from, in the spelling shown everywhere. */
    public static final List<String> ROLES = List.of("Secrétaire de mairie", "Maire", "Adjoint au maire",
            "Directeur général des services", "Agent administratif", "Élu municipal", "Autre");

    private static final Pattern CLOSING = Pattern.compile(
            "(?i)^(bien |tres |très )?(cordialement|sincerement|sincèrement)\\b.*|^(bien a vous|bien à vous|salutations|"
                    + "meilleures salutations|bonne journee|bonne journée|merci( d'avance| par avance| beaucoup)?)\\b.*");
    private static final Pattern NAME = Pattern.compile(
            "^(?:(?:M\\.|Mme|Mlle|Mr)\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’-]*\\.?|de|du|le|la)){1,3}$");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i)mairie|commune|secr[ée]taire|maire|adjoint|service|t[ée]l|fax|www|@|\\d|somme|cedex|rue|place|accueil|direct");

    public static ContactSignature read(String signatureOrText) {
        if (signatureOrText == null || signatureOrText.isBlank()) {
            return new ContactSignature(null, null);
        }
        List<String> lines = new ArrayList<>(signatureOrText.strip().lines().map(String::strip).filter(l -> !l.isEmpty())
                .toList());
        int closing = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (CLOSING.matcher(lines.get(i)).matches()) {
                closing = i;
            }
        }
        List<String> block = closing >= 0 ? lines.subList(closing + 1, lines.size())
                : lines.subList(Math.max(0, lines.size() - 4), lines.size());
        String name = null;
        String role = null;
        for (String line : block.stream().limit(6).toList()) {
            if (name == null && line.length() <= 60 && NAME.matcher(line).matches() && !NOT_A_NAME.matcher(line).find()) {
                name = line;
            }
            if (role == null) {
                role = roleIn(line);
            }
        }
        return new ContactSignature(name, role);
    }

    /** The usual role a line names, or null. */
    static String roleIn(String line) {
        String k = " " + TextKeys.key(line).toLowerCase(Locale.ROOT) + " ";
        if (k.contains(" secretaire ")) {
            return "Secrétaire de mairie";
        }
        if (k.contains(" adjoint ") || k.contains(" adjointe ") || k.contains(" maire adjoint")) {
            return "Adjoint au maire";
        }
        if (k.contains(" directeur general des services ") || k.contains(" directrice generale des services ")
                || k.contains(" dgs ")) {
            return "Directeur général des services";
        }
        if (k.startsWith(" maire ") || k.contains(" le maire ") || k.contains(" la maire ")) {
            return "Maire";
        }
        if (k.contains(" conseiller municipal ") || k.contains(" conseillere municipale ")) {
            return "Élu municipal";
        }
        if (k.contains(" agent administratif ") || k.contains(" agent d accueil ")) {
            return "Agent administratif";
        }
        return null;
    }
}
