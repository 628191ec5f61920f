package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionStatus;
import fr.sommenumerique.helpdesk.ticketing.TicketSort;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enum values typed in URLs and forms: accepted by name ({@code OPEN}), code ({@code actes}) or French label
 * (« Ouvert », case and accents ignored); an unknown value is refused with the French labels of the accepted ones,
 * never with Java names.
 */
public final class FrenchChoices {

    private FrenchChoices() {
    }

    /** @throws IllegalArgumentException in French, listing the accepted labels */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        String key = normalize(value);
        for (E e : type.getEnumConstants()) {
            if (normalize(e.name()).equals(key) || normalize(label(e)).equals(key)
                    || (e instanceof ServiceArea area && normalize(area.code()).equals(key))) {
                return e;
            }
        }
        throw new IllegalArgumentException("Valeur de " + what + " inconnue : « " + (value == null ? "" : value.strip())
                + " ». Valeurs possibles : " + labels(type) + ".");
    }

    public static <E extends Enum<E>> String labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(FrenchChoices::label).collect(Collectors.joining(", "));
    }

    public static String label(Enum<?> value) {
        if (value instanceof TicketStatus s) {
            return s.label();
        }
        if (value instanceof Priority p) {
            return p.label();
        }
        if (value instanceof Channel c) {
            return c.label();
        }
        if (value instanceof ServiceArea a) {
            return a.label();
        }
        if (value instanceof QuarantineStatus q) {
            return q.label();
        }
        if (value instanceof SubscriptionStatus s) {
            return s.label();
        }
        if (value instanceof TicketSort sort) {
            return switch (sort) {
                case CREATED -> "Création";
                case UPDATED -> "Mise à jour";
                case PRIORITY -> "Priorité";
                case DUE -> "Échéance";
            };
        }
        return value.name();
    }

    private static String normalize(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }
}
