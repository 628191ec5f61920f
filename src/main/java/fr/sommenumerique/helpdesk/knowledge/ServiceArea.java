package fr.sommenumerique.helpdesk.knowledge;

import java.util.Arrays;
import java.util.Optional;

/** The areas of the Mairie connectée offer an article, a ticket or a request belongs to. */
public enum ServiceArea {
    ACTES("actes", "Actes (contrôle de légalité)"),
    MARCHES("marches", "Marchés publics"),
    PARTAGE("partage", "Partage de fichiers"),
    FORMATION("formation", "Formation"),
    OFFRE("offre", "Offre Mairie connectée"),
    CONTACT("contact", "Contact et horaires"),
    REGLEMENTATION("reglementation", "Réglementation");

    private final String code;
    private final String label;

    ServiceArea(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Lower-case code used in front matter, URLs and JSON. */
    public String code() {
        return code;
    }

    /** French label shown to users. */
    public String label() {
        return label;
    }

    /** A platform communes log in to, where something can break (an incident), unlike training or the offer. */
    public boolean isPlatform() {
        return this == ACTES || this == MARCHES || this == PARTAGE;
    }

    public static Optional<ServiceArea> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase();
        return Arrays.stream(values()).filter(s -> s.code.equals(c) || s.name().equalsIgnoreCase(c)).findFirst();
    }
}
