package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

class TicketQueryTest extends TicketingTestBase {

    @Autowired
    Tickets tickets;

    @Autowired
    Contacts contacts;

    @Autowired
    Communes communes;

    private Ticket t1;
    private Ticket t2;
    private Ticket t3;
    private Ticket t4;
    private Ticket t5;

    @BeforeEach
    void fixture() {
        Contact marie = contacts.findOrCreateByEmail("marie@mairie-y.fr", "Marie Dupont");
        contacts.assignCommune(marie.id(), "80829", "alice");
        Contact paul = contacts.findOrCreateByTelegramChat(31L, "Paul");

        clock.setParis("2026-03-02T09:00");
        t1 = tickets.open(NewTicket.of("Délibération refusée", Channel.EMAIL, marie.id()).withPriority(Priority.HIGH)
                .withService(ServiceArea.ACTES).withCommune("80829")
                .withFirstMessage(NewMessage.of(Channel.EMAIL, "Message d'erreur « fichier non conforme »")));
        tickets.assign(t1.id(), "alice", "alice");
        clock.setParis("2026-03-02T09:30");
        t2 = tickets.open(NewTicket.of("Mot de passe plateforme marchés", Channel.TELEGRAM, paul.id())
                .withPriority(Priority.URGENT).withService(ServiceArea.MARCHES).withCommune("80312")
                .withFirstMessage(NewMessage.of(Channel.TELEGRAM, "Impossible de me connecter depuis hier")));
        clock.setParis("2026-03-02T10:00");
        t3 = tickets.open(NewTicket.of("Lien de partage", Channel.EMAIL, marie.id()).withService(ServiceArea.PARTAGE)
                .withFirstMessage(NewMessage.of(Channel.EMAIL, "Le lien envoyé au notaire ne fonctionne plus")));
        tickets.changeStatus(t3.id(), TicketStatus.RESOLVED, "bob");
        clock.setParis("2026-03-02T10:30");
        t4 = tickets.open(NewTicket.of("Inscription formation", Channel.WEB, marie.id()).withPriority(Priority.LOW)
                .withService(ServiceArea.FORMATION).withCommune("80829"));
        tickets.assign(t4.id(), "bob", "bob");
        tickets.addOutbound(t4.id(), "bob", NewMessage.of(Channel.EMAIL, "Prochaine session le 12 mars"));
        clock.setParis("2026-03-02T11:00");
        t5 = tickets.open(NewTicket.of("Question réglementation", Channel.EMAIL, marie.id()).withCommune("80829")
                .withFirstMessage(NewMessage.of(Channel.EMAIL, "Combien de temps une délib doit rester en ligne ?")));
        tickets.changeStatus(t5.id(), TicketStatus.PENDING, "bob");
        clock.setParis("2026-03-02T15:00");
    }

    private List<Long> ids(TicketQuery q) {
        return tickets.search(q).items().stream().map(TicketSummary::id).toList();
    }

    private TicketQuery byCreation() {
        return TicketQuery.all().sortedBy(TicketSort.CREATED, false);
    }

    @Test
    void filters() {
        assertThat(ids(byCreation())).containsExactly(t1.id(), t2.id(), t3.id(), t4.id(), t5.id());
        assertThat(ids(byCreation().withStatuses(TicketStatus.NEW))).containsExactly(t1.id(), t2.id());
        assertThat(ids(byCreation().withStatuses(TicketStatus.NEW, TicketStatus.PENDING))).containsExactly(t1.id(), t2.id(), t5.id());
        assertThat(ids(byCreation().withService(ServiceArea.ACTES))).containsExactly(t1.id());
        assertThat(ids(byCreation().withPriority(Priority.URGENT))).containsExactly(t2.id());
        assertThat(ids(byCreation().withCommune("80829"))).containsExactly(t1.id(), t4.id(), t5.id());
        assertThat(ids(byCreation().withChannel(Channel.TELEGRAM))).containsExactly(t2.id());
        assertThat(ids(byCreation().withAssignee("alice"))).containsExactly(t1.id());
        assertThat(ids(byCreation().unassigned())).containsExactly(t2.id(), t3.id(), t5.id());
        assertThat(ids(byCreation().withCommune("80829").withStatuses(TicketStatus.OPEN, TicketStatus.PENDING)))
                .containsExactly(t4.id(), t5.id());
        assertThat(ids(byCreation().withRequester(t2.requesterId()))).containsExactly(t2.id());
    }

    @Test
    void overdueMeansAnActiveTicketPastADueTime() {
        // at 15:00: URGENT t2 was due 11:30, HIGH t1 was due 14:30; t4 was answered; t3 is resolved
        assertThat(ids(byCreation().overdue())).containsExactly(t1.id(), t2.id());
        List<TicketSummary> all = tickets.search(byCreation()).items();
        assertThat(all).filteredOn(TicketSummary::overdue).extracting(TicketSummary::id).containsExactly(t1.id(), t2.id());
        tickets.addOutbound(t1.id(), "alice", NewMessage.of(Channel.EMAIL, "Nous regardons"));
        assertThat(ids(byCreation().overdue())).containsExactly(t2.id());
    }

    @Test
    void textSearchIgnoresCaseAndAccentsAndLooksInMessages() {
        assertThat(ids(byCreation().withText("deliberation"))).containsExactly(t1.id());
        assertThat(ids(byCreation().withText("DÉLIBÉRATION"))).containsExactly(t1.id());
        assertThat(ids(byCreation().withText("délib"))).containsExactly(t1.id(), t5.id());
        assertThat(ids(byCreation().withText("connecter"))).containsExactly(t2.id());
        assertThat(ids(byCreation().withText("notaire lien"))).containsExactly(t3.id());
        assertThat(ids(byCreation().withText("mot de passe"))).containsExactly(t2.id());
        assertThat(ids(byCreation().withText("non conforme"))).containsExactly(t1.id());
        assertThat(ids(byCreation().withText("mairie-y.fr"))).containsExactly(t1.id(), t3.id(), t4.id(), t5.id());
        assertThat(ids(byCreation().withText(" mc-2026-00003 "))).containsExactly(t3.id());
        assertThat(ids(byCreation().withText("introuvable"))).isEmpty();
        assertThat(ids(byCreation().withText("délib").withStatuses(TicketStatus.PENDING))).containsExactly(t5.id());
        assertThat(ids(byCreation().withText("100% _"))).isEmpty();
    }

    @Test
    void sortOrders() {
        assertThat(ids(TicketQuery.all().sortedBy(TicketSort.PRIORITY, true)))
                .containsExactly(t2.id(), t1.id(), t3.id(), t5.id(), t4.id());
        assertThat(ids(TicketQuery.all().sortedBy(TicketSort.CREATED, true)))
                .containsExactly(t5.id(), t4.id(), t3.id(), t2.id(), t1.id());
        // next deadline: t2 11:30, t1 14:30, t3 Tue 10:00, t5 Tue 11:00 (first responses), t4 resolution in 10 days
        assertThat(ids(TicketQuery.all().sortedBy(TicketSort.DUE, false)))
                .containsExactly(t2.id(), t1.id(), t3.id(), t5.id(), t4.id());
        assertThat(ids(TicketQuery.activeQueue())).containsExactly(t2.id(), t1.id(), t5.id(), t4.id());
        // t5's status change is its latest update
        assertThat(ids(TicketQuery.all()).get(0)).isEqualTo(t5.id());
    }

    @Test
    void pagination() {
        Page<TicketSummary> first = tickets.search(byCreation().page(0, 2));
        assertThat(first.items()).extracting(TicketSummary::id).containsExactly(t1.id(), t2.id());
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(tickets.search(byCreation().page(1, 2)).items()).extracting(TicketSummary::id).containsExactly(t3.id(), t4.id());
        Page<TicketSummary> last = tickets.search(byCreation().page(2, 2));
        assertThat(last.items()).extracting(TicketSummary::id).containsExactly(t5.id());
        assertThat(last.hasNext()).isFalse();
        assertThat(tickets.search(byCreation().page(7, 2)).items()).isEmpty();
        assertThat(tickets.search(byCreation().unassigned().page(0, 2)).total()).isEqualTo(3);
    }

    @Test
    void summariesCarryWhatTheQueueShows() {
        TicketSummary s = tickets.search(byCreation().withText("délibération")).items().get(0);
        assertThat(s.reference()).isEqualTo("MC-2026-00001");
        assertThat(s.communeName()).isEqualTo("Y");
        assertThat(s.requesterLabel()).isEqualTo("Marie Dupont");
        assertThat(s.requesterEmail()).isEqualTo("marie@mairie-y.fr");
        assertThat(s.assignee()).isEqualTo("alice");
        assertThat(s.messageCount()).isEqualTo(1);
        assertThat(s.overdue()).isTrue();
        TicketSummary tg = tickets.search(byCreation().withChannel(Channel.TELEGRAM)).items().get(0);
        assertThat(tg.requesterLabel()).isEqualTo("Paul");
        assertThat(tg.requesterEmail()).isNull();
    }

    @Test
    void communeActivityCounts() {
        CommuneActivity y = communes.activityOf("80829").orElseThrow();
        assertThat(y.contacts()).isEqualTo(1);
        assertThat(y.tickets()).isEqualTo(3);
        assertThat(y.activeTickets()).isEqualTo(3);
        assertThat(y.subscriptionRequests()).isZero();
        assertThat(communes.activity()).extracting(a -> a.commune().name()).containsExactly("Fins", "Y");
    }
}
