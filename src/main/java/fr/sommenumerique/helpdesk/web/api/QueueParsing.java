package fr.sommenumerique.helpdesk.web.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum values from query strings, refused with the list of accepted values. */
final class QueueParsing {

    private QueueParsing() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Valeur de " + what + " inconnue : « " + value + " ». Valeurs possibles : "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
