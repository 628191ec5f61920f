package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

class ContactsTest extends TicketingTestBase {

    @Autowired
    Contacts contacts;

    @Autowired
    AuditLog audit;

    @Test
    void emailsAreNormalisedAndUnique() {
        Contact a = contacts.findOrCreateByEmail("  <Secretariat@Mairie-Y.FR> ", null);
        Contact b = contacts.findOrCreateByEmail("mailto:secretariat@mairie-y.fr", "Marie Dupont");
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.email()).isEqualTo("secretariat@mairie-y.fr");
        assertThat(b.displayName()).as("missing name filled in").isEqualTo("Marie Dupont");
        assertThat(contacts.findOrCreateByEmail("secretariat@mairie-y.fr", "Autre nom").displayName()).isEqualTo("Marie Dupont");
        assertThat(contacts.byEmail("SECRETARIAT@mairie-y.fr")).map(Contact::id).contains(a.id());
        assertThat(b.createdAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO contacts (email, created_at) VALUES ('secretariat@mairie-y.fr', CURRENT_TIMESTAMP)").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void invalidAddressesAreRefusedClearly() {
        assertThatThrownBy(() -> contacts.findOrCreateByEmail("pas une adresse", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalide");
        assertThatThrownBy(() -> contacts.findOrCreateByEmail(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(contacts.byEmail("pas une adresse")).isEmpty();
    }

    @Test
    void telegramContacts() {
        Contact t = contacts.findOrCreateByTelegramChat(987654321L, "Jeanne");
        assertThat(t.email()).isNull();
        assertThat(t.telegramChatId()).isEqualTo(987654321L);
        assertThat(t.label()).isEqualTo("Jeanne");
        assertThat(contacts.findOrCreateByTelegramChat(987654321L, "Autre").id()).isEqualTo(t.id());
        assertThat(contacts.byTelegramChatId(987654321L)).map(Contact::id).contains(t.id());
        assertThat(contacts.findOrCreateByTelegramChat(5L, null).label()).isEqualTo("Telegram 5");
    }

    @Test
    void linkingATelegramChatMovesItOffTheOtherContact() {
        Contact telegramOnly = contacts.findOrCreateByTelegramChat(1234L, "Jeanne");
        Contact byMail = contacts.findOrCreateByEmail("jeanne@mairie-fins.fr", "Jeanne Martin");
        Contact linked = contacts.linkTelegramChat(byMail.id(), 1234L, "assistant");
        assertThat(linked.telegramChatId()).isEqualTo(1234L);
        assertThat(contacts.byId(telegramOnly.id()).orElseThrow().telegramChatId()).isNull();
        assertThat(contacts.byTelegramChatId(1234L)).map(Contact::id).contains(byMail.id());
        assertThat(audit.of(AuditLog.CONTACT, byMail.id())).extracting(AuditEntry::action).containsExactly("created", "telegram.linked");
        assertThat(audit.of(AuditLog.CONTACT, telegramOnly.id())).extracting(AuditEntry::action, AuditEntry::details).containsExactly(
                org.assertj.core.groups.Tuple.tuple("created", "Contact créé : conversation Telegram 1234 (Jeanne)"),
                org.assertj.core.groups.Tuple.tuple("telegram.unlinked", "Conversation Telegram 1234 rattachée au contact n° " + byMail.id()));
        // linking again is a no-op
        contacts.linkTelegramChat(byMail.id(), 1234L, "assistant");
        assertThat(audit.of(AuditLog.CONTACT, byMail.id())).hasSize(2);
    }

    @Test
    void creatingAContactIsAuditedOnce() {
        Contact c = contacts.findOrCreateByEmail("Nouvelle@Mairie-Y.fr", "Nadia");
        contacts.findOrCreateByEmail("nouvelle@mairie-y.fr", "Nadia");
        assertThat(audit.of(AuditLog.CONTACT, c.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("created");
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.details()).isEqualTo("Contact créé : nouvelle@mairie-y.fr (Nadia)");
        });
    }

    @Test
    void setEmailOnATelegramContact() {
        Contact t = contacts.findOrCreateByTelegramChat(77L, "Paul");
        Contact withMail = contacts.setEmail(t.id(), "Paul@Mairie-Long.fr", "assistant");
        assertThat(withMail.email()).isEqualTo("paul@mairie-long.fr");
        contacts.findOrCreateByEmail("pris@mairie-long.fr", null);
        assertThatThrownBy(() -> contacts.setEmail(t.id(), "pris@mairie-long.fr", "assistant"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("appartient déjà");
    }

    @Test
    void communeAssignmentIsAudited() {
        Contact c = contacts.findOrCreateByEmail("maire@mairie-y.fr", null);
        contacts.assignCommune(c.id(), "80829", "alice");
        contacts.assignCommune(c.id(), "80312", "bob");
        contacts.assignCommune(c.id(), null, "bob");
        assertThat(contacts.byId(c.id()).orElseThrow().communeInsee()).isNull();
        assertThat(audit.of(AuditLog.CONTACT, c.id())).extracting(AuditEntry::actor, AuditEntry::details).containsExactly(
                org.assertj.core.groups.Tuple.tuple("system", "Contact créé : maire@mairie-y.fr"),
                org.assertj.core.groups.Tuple.tuple("alice", "Commune : aucune → Y"),
                org.assertj.core.groups.Tuple.tuple("bob", "Commune : Y → Fins"),
                org.assertj.core.groups.Tuple.tuple("bob", "Commune : Fins → aucune"));
        assertThatThrownBy(() -> contacts.assignCommune(c.id(), "99999", "bob"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Commune inconnue");
        assertThatThrownBy(() -> contacts.assignCommune(424242L, "80829", "bob")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void byCommuneAndSearch() {
        Contact a = contacts.findOrCreateByEmail("a@mairie-y.fr", "Anne");
        Contact b = contacts.findOrCreateByEmail("b@mairie-y.fr", "Bruno");
        contacts.findOrCreateByEmail("c@ailleurs.fr", "Chloé");
        contacts.assignCommune(a.id(), "80829", "alice");
        contacts.assignCommune(b.id(), "80829", "alice");
        assertThat(contacts.byCommune("80829")).extracting(Contact::displayName).containsExactly("Anne", "Bruno");
        assertThat(contacts.search("MAIRIE-Y", 10)).hasSize(2);
        assertThat(contacts.search("chlo", 10)).extracting(Contact::email).containsExactly("c@ailleurs.fr");
        assertThat(contacts.search("%", 10)).isEmpty();
    }

    @Test
    void failingAddresses() {
        contacts.findOrCreateByEmail("rebond@mairie-y.fr", null);
        Contact failing = contacts.markEmailFailing("Rebond@mairie-y.fr", "550 5.1.1 mailbox unavailable").orElseThrow();
        assertThat(failing.emailFailing()).isTrue();
        assertThat(failing.emailFailingReason()).isEqualTo("550 5.1.1 mailbox unavailable");
        assertThat(failing.emailFailingSince()).isEqualTo(clock.instant());
        assertThat(contacts.markEmailFailing("inconnu@nulle-part.fr", "x")).isEmpty();
        assertThat(contacts.clearEmailFailing("rebond@mairie-y.fr").orElseThrow().emailFailing()).isFalse();
        assertThat(audit.of(AuditLog.CONTACT, failing.id())).extracting(AuditEntry::action)
                .containsExactly("created", "email.failing", "email.restored");
    }
}
