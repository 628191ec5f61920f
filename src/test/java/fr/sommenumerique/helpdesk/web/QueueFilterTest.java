package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.TicketQuery;
import fr.sommenumerique.helpdesk.ticketing.TicketSort;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.web.triage.QueueFilter;
import org.junit.jupiter.api.Test;

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
    void unknown_values_are_refused_with_the_accepted_ones() {
        assertThatThrownBy(() -> new QueueFilter(null, "voirie", null, null, null, null, null, null, null, null, null, null)
                .toQuery("x")).hasMessageContaining("Service inconnu").hasMessageContaining("actes, marches");
        assertThatThrownBy(() -> new QueueFilter("FINI", null, null, null, null, null, null, null, null, null, null, null)
                .toQuery("x")).hasMessageContaining("Valeurs possibles : NEW, OPEN");
        assertThatThrownBy(() -> new QueueFilter(null, null, null, "Amiens", null, null, null, null, null, null, null, null)
                .toQuery("x")).hasMessageContaining("Code INSEE");
        assertThatThrownBy(() -> new QueueFilter(null, null, null, null, null, null, null, null, "due", "haut", null, null)
                .toQuery("x")).hasMessageContaining("asc ou desc");
    }
}
