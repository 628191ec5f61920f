package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

class TicketStatisticsTest extends TicketingTestBase {

    @Autowired
    Tickets tickets;

    @Autowired
    Contacts contacts;

    @Autowired
    TicketStatistics statistics;

    @Test
    void countsTimesInBusinessHoursAndWeeklyIntake() {
        Contact c = contacts.findOrCreateByEmail("marie@mairie-y.fr", null);

        clock.setParis("2026-02-24T10:00"); // week 9
        tickets.open(NewTicket.of("D", Channel.EMAIL, c.id()));

        clock.setParis("2026-03-02T09:00"); // week 10
        Ticket a = tickets.open(NewTicket.of("A", Channel.EMAIL, c.id()).withService(ServiceArea.ACTES));
        clock.setParis("2026-03-02T10:00");
        tickets.addOutbound(a.id(), "alice", NewMessage.of(Channel.EMAIL, "réponse"));     // 1 h
        clock.setParis("2026-03-02T15:00");
        tickets.changeStatus(a.id(), TicketStatus.RESOLVED, "alice");                       // 4 h 30

        clock.setParis("2026-03-02T12:00");
        Ticket b = tickets.open(NewTicket.of("B", Channel.EMAIL, c.id()).withService(ServiceArea.ACTES));
        clock.setParis("2026-03-02T14:30");
        tickets.addOutbound(b.id(), "alice", NewMessage.of(Channel.EMAIL, "réponse"));     // 30 min + 30 min
        clock.setParis("2026-03-03T10:00");
        tickets.changeStatus(b.id(), TicketStatus.RESOLVED, "alice");                       // 5 h

        clock.setParis("2026-03-03T09:00");
        Ticket cc = tickets.open(NewTicket.of("C", Channel.EMAIL, c.id()).withService(ServiceArea.MARCHES));
        clock.setParis("2026-03-03T12:00");
        tickets.addOutbound(cc.id(), "alice", NewMessage.of(Channel.EMAIL, "réponse"));    // 3 h

        Ticket e = tickets.open(NewTicket.of("E", Channel.EMAIL, c.id()).withService(ServiceArea.FORMATION));
        tickets.addOutbound(e.id(), "alice", NewMessage.of(Channel.EMAIL, "réponse"));
        tickets.merge(e.id(), a.id(), "alice");                                             // left out

        clock.setParis("2026-03-04T16:00");
        TicketStatisticsReport report = statistics.report(3);

        assertThat(report.byStatus()).containsEntry(TicketStatus.NEW, 1L).containsEntry(TicketStatus.OPEN, 1L)
                .containsEntry(TicketStatus.RESOLVED, 2L).containsEntry(TicketStatus.PENDING, 0L)
                .containsEntry(TicketStatus.CLOSED, 0L);
        assertThat(report.byService()).containsEntry(ServiceArea.ACTES, 2L).containsEntry(ServiceArea.MARCHES, 1L)
                .containsEntry(ServiceArea.FORMATION, 0L);
        assertThat(report.withoutService()).isEqualTo(1);

        assertThat(report.firstResponse().count()).isEqualTo(3);
        assertThat(report.firstResponse().average()).isEqualTo(Duration.ofMinutes(100));
        assertThat(report.firstResponse().median()).isEqualTo(Duration.ofHours(1));
        assertThat(report.resolution().count()).isEqualTo(2);
        assertThat(report.resolution().average()).isEqualTo(Duration.ofMinutes(285));
        assertThat(report.resolution().medianHours()).isEqualTo(4.75);

        assertThat(report.incomingPerWeek()).extracting(TicketStatisticsReport.WeekCount::label, TicketStatisticsReport.WeekCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-W08", 0L),
                        org.assertj.core.groups.Tuple.tuple("2026-W09", 1L),
                        org.assertj.core.groups.Tuple.tuple("2026-W10", 3L));
        assertThat(report.incomingPerWeek().get(0).monday()).isEqualTo(java.time.LocalDate.of(2026, 2, 16));

        TicketStatisticsReport thisWeek = statistics.report(1);
        assertThat(thisWeek.incomingPerWeek()).singleElement().extracting(TicketStatisticsReport.WeekCount::count).isEqualTo(3L);
        assertThat(thisWeek.firstResponse().count()).isEqualTo(3);
    }

    @Test
    void emptyDatabase() {
        TicketStatisticsReport report = statistics.report(4);
        assertThat(report.byStatus().values()).containsOnly(0L);
        assertThat(report.firstResponse().count()).isZero();
        assertThat(report.firstResponse().average()).isEqualTo(Duration.ZERO);
        assertThat(report.incomingPerWeek()).hasSize(4);
    }
}
