package fr.sommenumerique.helpdesk.mail.parsing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable, ordered header multimap with case-insensitive lookup. Values are unfolded and decoded
 * (RFC 2047 encoded words, raw 8-bit bytes as UTF-8 or windows-1252).
 */
public final class MailHeaders {

    /** One header field as it appeared, with its decoded value. */
    public record Field(String name, String value) {
    }

    private final List<Field> fields;
    private final Map<String, List<String>> byName;

    public MailHeaders(List<Field> fields) {
        this.fields = List.copyOf(fields);
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Field f : this.fields) {
            map.computeIfAbsent(key(f.name()), k -> new ArrayList<>()).add(f.value());
        }
        map.replaceAll((k, v) -> Collections.unmodifiableList(v));
        this.byName = Collections.unmodifiableMap(map);
    }

    public static MailHeaders empty() {
        return new MailHeaders(List.of());
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** All values of the named header, in order; empty list when absent. */
    public List<String> all(String name) {
        return byName.getOrDefault(key(name), List.of());
    }

    /** First value of the named header. */
    public Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /** First value or null. */
    public String get(String name) {
        return first(name).orElse(null);
    }

    public boolean has(String name) {
        return byName.containsKey(key(name));
    }

    /** All fields in their original order. */
    public List<Field> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
