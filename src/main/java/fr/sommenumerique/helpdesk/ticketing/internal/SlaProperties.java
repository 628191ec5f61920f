package fr.sommenumerique.helpdesk.ticketing.internal;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import fr.sommenumerique.helpdesk.assistant.Priority;

/**
 * {@code helpdesk.sla.first-response.<priority>} and {@code helpdesk.sla.resolution.<priority>}: targets in
 * business time, written "2h", "90m", "1d" (d = one business day, i.e. the length of the configured opening
 * periods of a day) or ISO-8601 ("PT4H"). Priorities left out keep their default.
 */
@ConfigurationProperties("helpdesk.sla")
public record SlaProperties(Map<Priority, String> firstResponse, Map<Priority, String> resolution) {

    public SlaProperties {
        firstResponse = withDefaults(firstResponse, Map.of(
                Priority.URGENT, "2h", Priority.HIGH, "4h", Priority.NORMAL, "1d", Priority.LOW, "2d"));
        resolution = withDefaults(resolution, Map.of(
                Priority.URGENT, "1d", Priority.HIGH, "2d", Priority.NORMAL, "5d", Priority.LOW, "10d"));
    }

    public static SlaProperties defaults() {
        return new SlaProperties(null, null);
    }

    private static Map<Priority, String> withDefaults(Map<Priority, String> given, Map<Priority, String> defaults) {
        Map<Priority, String> merged = new EnumMap<>(defaults);
        if (given != null) {
            given.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    merged.put(k, v.trim());
                }
            });
        }
        return Map.copyOf(merged);
    }
}
