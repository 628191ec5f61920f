package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.ticketing.internal.SlaProperties;

class SlaPolicyTest {

    private final BusinessCalendar calendar = BusinessCalendar.defaultCalendar();
    private final SlaPolicy sla = new SlaPolicy(calendar, SlaProperties.defaults());

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Paris")).toInstant();
    }

    @Test
    void defaultTargetsInBusinessTime() {
        assertThat(sla.firstResponseTarget(Priority.URGENT)).isEqualTo(Duration.ofHours(2));
        assertThat(sla.firstResponseTarget(Priority.HIGH)).isEqualTo(Duration.ofHours(4));
        assertThat(sla.firstResponseTarget(Priority.NORMAL)).isEqualTo(Duration.ofHours(7));
        assertThat(sla.firstResponseTarget(Priority.LOW)).isEqualTo(Duration.ofHours(14));
        assertThat(sla.resolutionTarget(Priority.URGENT)).isEqualTo(Duration.ofHours(7));
        assertThat(sla.resolutionTarget(Priority.NORMAL)).isEqualTo(Duration.ofHours(35));
        assertThat(sla.resolutionTarget(Priority.LOW)).isEqualTo(Duration.ofHours(70));
    }

    @Test
    void frenchPhrasesForAcknowledgements() {
        assertThat(sla.firstResponsePhrase(Priority.URGENT)).isEqualTo("sous 2 heures ouvrées");
        assertThat(sla.firstResponsePhrase(Priority.HIGH)).isEqualTo("sous 4 heures ouvrées");
        assertThat(sla.firstResponsePhrase(Priority.NORMAL)).isEqualTo("sous 1 jour ouvré");
        assertThat(sla.firstResponsePhrase(Priority.LOW)).isEqualTo("sous 2 jours ouvrés");
        assertThat(sla.resolutionPhrase(Priority.NORMAL)).isEqualTo("sous 5 jours ouvrés");
        assertThat(sla.phrase(Duration.ofHours(1))).isEqualTo("sous 1 heure ouvrée");
        assertThat(sla.phrase(Duration.ofMinutes(90))).isEqualTo("sous 90 minutes ouvrées");
    }

    @Test
    void dueTimesFollowTheCalendar() {
        // HIGH received Monday 11:00 → 1h30 before lunch + 2h30 after → 16:30
        assertThat(sla.firstResponseDue(Priority.HIGH, paris("2026-03-02T11:00"))).isEqualTo(paris("2026-03-02T16:30"));
        // NORMAL received Friday 17:00 → 0h30 on Friday + 6h30 on Monday → Monday 17:00
        assertThat(sla.firstResponseDue(Priority.NORMAL, paris("2026-03-06T17:00"))).isEqualTo(paris("2026-03-09T17:00"));
        // URGENT resolution within 1 day, received the evening before Easter Monday
        assertThat(sla.resolutionDue(Priority.URGENT, paris("2026-04-03T18:00"))).isEqualTo(paris("2026-04-07T17:30"));
    }

    @Test
    void configurableTargets() {
        SlaPolicy custom = new SlaPolicy(calendar, new SlaProperties(
                Map.of(Priority.URGENT, "90m", Priority.NORMAL, "8h", Priority.LOW, "PT16H"),
                Map.of(Priority.NORMAL, "3j")));
        assertThat(custom.firstResponseTarget(Priority.URGENT)).isEqualTo(Duration.ofMinutes(90));
        assertThat(custom.firstResponsePhrase(Priority.NORMAL)).isEqualTo("sous 8 heures ouvrées");
        assertThat(custom.firstResponseTarget(Priority.LOW)).isEqualTo(Duration.ofHours(16));
        assertThat(custom.firstResponseTarget(Priority.HIGH)).as("default kept").isEqualTo(Duration.ofHours(4));
        assertThat(custom.resolutionTarget(Priority.NORMAL)).isEqualTo(Duration.ofHours(21));
        assertThatThrownBy(() -> new SlaPolicy(calendar, new SlaProperties(Map.of(Priority.HIGH, "quatre heures"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first-response.HIGH");
    }
}
