package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.TicketQuery;
import fr.sommenumerique.helpdesk.ticketing.TicketSort;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.web.triage.QueueFilter;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueFilterTest {

    @Test
    void no_filter_is_the_active_queue_nearest_deadline_first() {
        TicketQuery q = QueueFilter.empty().toQuery("claire");
        assertThat(q.statuses()).containsExactlyInAnyOrder(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING);
        assertThat(q.sort()).isEqualTo(TicketSort.DUE);
        assertThat(q.descending()).isFalse();
        assertThat(q.size()).isEqualTo(25);
    }

    @Test
    void every_filter_is_applied() {
        TicketQuery q = new QueueFilter("open,pending", "actes", "urgent", "80001", "email", "me", true, " certificat ",
                "updated", null, 2, 10).toQuery("claire");
        assertThat(q.statuses()).containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.PENDING);
        assertThat(q.service()).isEqualTo(ServiceArea.ACTES);
        assertThat(q.priority()).isEqualTo(Priority.URGENT);
        assertThat(q.communeInsee()).isEqualTo("80001");
        assertThat(q.channel()).isEqualTo(Channel.EMAIL);
        assertThat(q.assignee()).isEqualTo("claire");
        assertThat(q.overdueOnly()).isTrue();
        assertThat(q.text()).isEqualTo("certificat");
        assertThat(q.sort()).isEqualTo(TicketSort.UPDATED);
        assertThat(q.descending()).isTrue();
        assertThat(q.page()).isEqualTo(2);
        assertThat(q.size()).isEqualTo(10);
        assertThat(new QueueFilter("all", null, null, null, null, "none", null, null, null, "asc", null, 500)
                .toQuery("x")).satisfies(all -> {
            assertThat(all.statuses()).isEmpty();
            assertThat(all.unassignedOnly()).isTrue();
            assertThat(all.size()).isEqualTo(TicketQuery.MAX_PAGE_SIZE);
        });
    }

    @Test
    void unknown_values_are_refused_with_the_french_labels_of_the_accepted_ones() {
        assertThatThrownBy(() -> new QueueFilter(null, "voirie", null, null, null, null, null, null, null, null, null, null)
                .toQuery("x")).hasMessage("Valeur de service inconnue : « voirie ». Valeurs possibles : "
                        + Arrays.stream(ServiceArea.values()).map(ServiceArea::label).collect(Collectors.joining(", ")) + ".");
        assertThatThrownBy(() -> new QueueFilter("FINI", null, null, null, null, null, null, null, null, null, null, null)
                .toQuery("x")).hasMessage("Valeur de statut inconnue : « FINI ». Valeurs possibles : Nouveau, Ouvert,"
                        + " En attente de la commune, Résolu, Clos.");
        assertThatThrownBy(() -> new QueueFilter(null, null, null, null, "fax", null, null, null, null, null, null, null)
                .toQuery("x")).hasMessage("Valeur de canal inconnue : « fax ». Valeurs possibles : E-mail, Telegram, Web.");
        assertThatThrownBy(() -> new QueueFilter(null, null, "enorme", null, null, null, null, null, "age", null, null, null)
                .toQuery("x")).hasMessageNotContaining("URGENT").hasMessageContaining("Basse, Normale, Haute, Urgente");
        assertThatThrownBy(() -> new QueueFilter(null, null, null, null, null, null, null, null, "age", null, null, null)
                .toQuery("x")).hasMessage("Valeur de tri inconnue : « age ». Valeurs possibles : Création, Mise à jour,"
                        + " Priorité, Échéance.");
        assertThatThrownBy(() -> new QueueFilter(null, null, null, "Amiens", null, null, null, null, null, null, null, null)
                .toQuery("x")).hasMessageContaining("Code INSEE");
        assertThatThrownBy(() -> new QueueFilter(null, null, null, null, null, null, null, null, "due", "haut", null, null)
                .toQuery("x")).hasMessageContaining("asc : croissant, desc : décroissant");
    }

    @Test
    void values_are_accepted_by_code_or_by_french_label() {
        TicketQuery q = new QueueFilter("open, en attente de la commune, résolu", "Actes", "urgente", null, "e-mail", null,
                null, null, "echeance", null, null, null).toQuery("x");
        assertThat(q.statuses()).containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED);
        assertThat(q.service()).isEqualTo(ServiceArea.ACTES);
        assertThat(q.priority()).isEqualTo(Priority.URGENT);
        assertThat(q.channel()).isEqualTo(Channel.EMAIL);
        assertThat(q.sort()).isEqualTo(TicketSort.DUE);
    }
}
