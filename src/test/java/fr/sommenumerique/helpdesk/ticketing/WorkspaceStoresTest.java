package fr.sommenumerique.helpdesk.ticketing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the staff workspace keeps: canned replies, saved views, who has a ticket open, the queue's search and rows. */
class WorkspaceStoresTest extends TicketingTestBase {

    @Autowired
    Macros macros;
    @Autowired
    SavedViews views;
    @Autowired
    TicketViewers viewers;
    @Autowired
    Tickets tickets;
    @Autowired
    Contacts contacts;

    @Test
    void canned_replies_are_kept_changed_and_removed_with_their_history() {
        int before = macros.all().size();
        Macro m = macros.create("Accusé", "Bien reçu {reference}.", "alice");
        assertThat(macros.update(m.id(), "Accusé de réception", "Bien reçu.", "bob").updatedBy()).isEqualTo("bob");
        assertThatThrownBy(() -> macros.create(" ", "x", "alice")).hasMessage("Donnez un titre à la réponse type.");
        assertThatThrownBy(() -> macros.create("Long", "x".repeat(20_001), "alice"))
                .hasMessage("Le texte dépasse 20 000 caractères.");
        macros.delete(m.id(), "alice");
        assertThat(macros.all()).hasSize(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'macro' AND entity_id = ?")
                .params(String.valueOf(m.id())).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void saved_views_belong_to_their_owner_and_a_name_is_replaced() {
        views.save("alice", "Mes urgences", "assignee=me&priority=URGENT");
        views.save("alice", "Mes urgences", "assignee=me&priority=HIGH");
        views.save("bob", "Mes urgences", "priority=URGENT");
        assertThat(views.of("alice")).singleElement().extracting(SavedView::query).isEqualTo("assignee=me&priority=HIGH");
        long bobs = views.of("bob").get(0).id();
        assertThatThrownBy(() -> views.delete("alice", bobs)).isInstanceOf(NotFoundException.class);
        views.delete("bob", bobs);
        assertThat(views.of("bob")).isEmpty();
    }

    @Test
    void viewers_of_a_ticket_are_the_recent_others() {
        Contact c = contacts.findOrCreateByEmail("vue@mairie-y.fr", null);
        Ticket t = tickets.open(NewTicket.of("Vue", Channel.EMAIL, c.id()));
        viewers.seen(t.id(), "alice", false);
        viewers.seen(t.id(), "bob", true);
        viewers.seen(t.id(), "bob", true);
        assertThat(viewers.others(t.id(), "alice")).singleElement()
                .satisfies(v -> assertThat(v.username()).isEqualTo("bob"))
                .satisfies(v -> assertThat(v.typing()).isTrue());
        clock.advance(TicketViewers.FRESH.plus(Duration.ofSeconds(1)));
        assertThat(viewers.others(t.id(), "alice")).isEmpty();
        viewers.seen(t.id(), "bob", false);
        viewers.left(t.id(), "bob");
        assertThat(viewers.others(t.id(), "alice")).isEmpty();
    }

    @Test
    void search_takes_wildcards_and_references_literally_and_rows_preview_the_last_human_message() {
        Contact c = contacts.findOrCreateByEmail("recherche@mairie-y.fr", "Sophie Caron");
        Ticket a = tickets.open(NewTicket.of("Partage plein à 100 %", Channel.EMAIL, c.id())
                .withFirstMessage(NewMessage.of(Channel.EMAIL, "Le partage est plein.")));
        Ticket b = tickets.open(NewTicket.of("Actes", Channel.EMAIL, c.id())
                .withFirstMessage(NewMessage.of(Channel.EMAIL, "Erreur sur Actes.")));
        tickets.addOutbound(b.id(), Tickets.ASSISTANT, new NewMessage(Channel.EMAIL, "Réponse automatique : partage", null,
                null, null, null, true, java.util.List.of()));
        tickets.changeStatus(a.id(), TicketStatus.CLOSED, "alice");

        assertThat(tickets.search(TicketQuery.all().withText("%")).total()).isZero();
        assertThat(tickets.search(TicketQuery.all().withText("_")).total()).isZero();
        assertThat(tickets.search(TicketQuery.all().withText("partage")).items()).extracting(TicketSummary::id)
                .containsExactly(a.id()); // not b, whose only « partage » is in the assistant's answer
        assertThat(tickets.search(TicketQuery.all().withText("caron")).total()).isEqualTo(2);
        String prefix = a.reference().substring(0, a.reference().length() - 1);
        assertThat(tickets.search(TicketQuery.all().withText(prefix)).items()).extracting(TicketSummary::reference)
                .allMatch(r -> r.startsWith(prefix)).isNotEmpty();

        TicketSummary row = tickets.search(TicketQuery.all().withText(b.reference())).items().get(0);
        assertThat(row.lastText()).isEqualTo("Erreur sur Actes.");
        assertThat(row.waitingOnUs()).isTrue();
        tickets.addOutbound(b.id(), "alice", NewMessage.of(Channel.EMAIL, "Pouvez-vous réessayer ?"));
        row = tickets.search(TicketQuery.all().withText(b.reference())).items().get(0);
        assertThat(row.lastText()).isEqualTo("Pouvez-vous réessayer ?");
        assertThat(row.waitingOnUs()).isFalse();
        assertThat(row.requesterLabel()).isEqualTo("Sophie Caron");
    }

    @Test
    void names_subjects_and_communes_are_found_without_their_accents_and_with_them() {
        Contact c = contacts.findOrCreateByEmail("secretariat@mairie-z.fr", "Hélène Dupré");
        Ticket t = tickets.open(NewTicket.of("Clé de l'école perdue", Channel.EMAIL, c.id()));
        tickets.changeCommune(t.id(), "80001", "alice"); // Abbeville
        Contact renamed = contacts.findOrCreateByEmail("maire@mairie-z.fr", null);
        contacts.rename(renamed.id(), "Noël Lefèvre", "alice");
        tickets.open(NewTicket.of("Autre", Channel.EMAIL, renamed.id()));

        for (String q : new String[] {"Helene", "HÉLÈNE", "helene dupre", "Dupré", "ecole", "École", "cle"}) {
            assertThat(tickets.search(TicketQuery.all().withText(q)).items()).as(q)
                    .extracting(TicketSummary::id).containsExactly(t.id());
        }
        assertThat(contacts.search("helene", 10)).extracting(Contact::id).containsExactly(c.id());
        assertThat(contacts.search("LEFEVRE", 10)).extracting(Contact::id).containsExactly(renamed.id());
        assertThat(contacts.search("noel", 10)).extracting(Contact::id).containsExactly(renamed.id());
        assertThat(tickets.search(TicketQuery.all().withText("Noël")).total()).isEqualTo(1);
        assertThat(contacts.search("%", 10)).isEmpty();
    }
}
