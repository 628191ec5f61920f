package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

class TicketsTest extends TicketingTestBase {

    @Autowired
    Tickets tickets;

    @Autowired
    Contacts contacts;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    private Contact marie;

    @BeforeEach
    void requester() {
        marie = contacts.findOrCreateByEmail("marie@mairie-y.fr", "Marie Dupont");
    }

    private Ticket openSimple(String subject) {
        return tickets.open(NewTicket.of(subject, Channel.EMAIL, marie.id())
                .withFirstMessage(NewMessage.of(Channel.EMAIL, "Bonjour, " + subject)));
    }

    // ---------------------------------------------------------------- opening and references

    @Test
    void openSetsReferenceStatusSlaAndFirstMessage() {
        clock.setParis("2026-03-02T11:00");
        Ticket t = tickets.open(NewTicket.of("Certificat expiré", Channel.EMAIL, marie.id())
                .withPriority(Priority.HIGH).withService(ServiceArea.ACTES).withCommune("80829")
                .withFirstMessage(NewMessage.of(Channel.EMAIL, "Mon certificat a expiré ce matin !")
                        .withEmailIds("<abc@mairie-y.fr>", null)));
        assertThat(t.reference()).isEqualTo("MC-2026-00001");
        assertThat(t.status()).isEqualTo(TicketStatus.NEW);
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.service()).isEqualTo(ServiceArea.ACTES);
        assertThat(t.communeInsee()).isEqualTo("80829");
        assertThat(t.createdAt()).isEqualTo(clock.instant());
        assertThat(t.firstResponseDue()).isEqualTo(paris("2026-03-02T16:30"));   // 4 business hours over lunch
        assertThat(t.resolutionDue()).isEqualTo(paris("2026-03-04T11:00"));      // 2 business days
        assertThat(t.lastInboundAt()).isEqualTo(clock.instant());
        List<TicketMessage> messages = tickets.messages(t.id());
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.direction()).isEqualTo(MessageDirection.INBOUND);
            assertThat(m.authorContactId()).isEqualTo(marie.id());
            assertThat(m.author()).isEqualTo("Marie Dupont");
            assertThat(m.emailMessageId()).isEqualTo("abc@mairie-y.fr");
            assertThat(m.automatic()).isFalse();
        });
        assertThat(audit.of(AuditLog.TICKET, t.id())).extracting(AuditEntry::action).containsExactly("created", "message.added");
        assertThat(audit.of(AuditLog.TICKET, t.id()).get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("created");
            assertThat(e.actor()).isEqualTo("contact:" + marie.id());
            assertThat(e.details()).contains("MC-2026-00001", "E-mail", "Haute");
        });
        assertThat(tickets.findByReference("mc-2026-00001")).map(Ticket::id).contains(t.id());
    }

    @Test
    void referencesFollowEachOtherAndRestartEachYearInParisTime() {
        clock.setParis("2026-12-31T23:00");
        assertThat(openSimple("a").reference()).isEqualTo("MC-2026-00001");
        assertThat(openSimple("b").reference()).isEqualTo("MC-2026-00002");
        clock.set(java.time.Instant.parse("2026-12-31T23:30:00Z")); // already 1 January 2027 in Paris
        assertThat(openSimple("c").reference()).isEqualTo("MC-2027-00001");
        clock.setParis("2027-01-02T10:00");
        assertThat(openSimple("d").reference()).isEqualTo("MC-2027-00002");
    }

    @Test
    void aRolledBackOpeningLeavesNoGap() {
        assertThat(openSimple("a").reference()).isEqualTo("MC-2026-00001");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            openSimple("rolled back");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(openSimple("c").reference()).isEqualTo("MC-2026-00002");
    }

    @Test
    void concurrentOpeningsGetUniqueConsecutiveReferences() throws Exception {
        int threads = 6;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<String>>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                jobs.add(() -> IntStream.range(0, perThread)
                        .mapToObj(i -> openSimple("t" + thread + "-" + i).reference()).toList());
            }
            List<String> refs = new ArrayList<>();
            for (Future<List<String>> f : pool.invokeAll(jobs)) {
                refs.addAll(f.get());
            }
            Set<String> expected = IntStream.rangeClosed(1, threads * perThread)
                    .mapToObj(i -> "MC-2026-%05d".formatted(i)).collect(Collectors.toSet());
            assertThat(refs).hasSize(threads * perThread).doesNotHaveDuplicates();
            assertThat(Set.copyOf(refs)).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThatThrownBy(() -> tickets.open(NewTicket.of("x", Channel.EMAIL, 999_999L)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Contact");
        assertThatThrownBy(() -> tickets.open(NewTicket.of("x", Channel.EMAIL, marie.id()).withCommune("12345")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Commune inconnue");
        assertThatThrownBy(() -> tickets.addNote(999_999L, "alice", "x")).isInstanceOf(NotFoundException.class);
        Ticket t = openSimple("a");
        assertThatThrownBy(() -> tickets.addOutbound(t.id(), " ", NewMessage.of(Channel.EMAIL, "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tickets.open(NewTicket.of("  ", Channel.WEB, marie.id())).subject()).isEqualTo("(sans objet)");
    }

    // ---------------------------------------------------------------- life cycle

    @Test
    void lifeCycleWithStatusRulesAndAudit() {
        Ticket t = openSimple("Dépôt impossible");
        // an automatic acknowledgement is not a first response
        tickets.addOutbound(t.id(), Tickets.ASSISTANT, NewMessage.of(Channel.EMAIL, "Nous avons bien reçu…").asAutomatic());
        Ticket afterAck = tickets.findById(t.id()).orElseThrow();
        assertThat(afterAck.firstResponseAt()).isNull();
        assertThat(afterAck.status()).isEqualTo(TicketStatus.NEW);

        clock.advance(Duration.ofMinutes(30));
        tickets.addOutbound(t.id(), "alice", NewMessage.of(Channel.EMAIL, "Pouvez-vous m'envoyer une capture ?"));
        Ticket answered = tickets.findById(t.id()).orElseThrow();
        assertThat(answered.firstResponseAt()).isEqualTo(clock.instant());
        assertThat(answered.status()).isEqualTo(TicketStatus.OPEN);

        tickets.changeStatus(t.id(), TicketStatus.PENDING, "alice");
        clock.advance(Duration.ofHours(1));
        tickets.addInbound(t.id(), marie.id(), NewMessage.of(Channel.EMAIL, "Voici la capture"));
        Ticket reopened = tickets.findById(t.id()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(reopened.lastInboundAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofHours(1));
        Ticket resolved = tickets.changeStatus(t.id(), TicketStatus.RESOLVED, "alice");
        assertThat(resolved.resolvedAt()).isEqualTo(clock.instant());
        assertThat(resolved.closedAt()).isNull();

        tickets.addInbound(t.id(), marie.id(), NewMessage.of(Channel.EMAIL, "Merci, mais encore une question"));
        Ticket again = tickets.findById(t.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(again.resolvedAt()).isNull();

        clock.advance(Duration.ofHours(1));
        Ticket closed = tickets.changeStatus(t.id(), TicketStatus.CLOSED, "bob");
        assertThat(closed.closedAt()).isEqualTo(clock.instant());
        assertThat(closed.resolvedAt()).as("closing resolves").isEqualTo(clock.instant());
        assertThatThrownBy(() -> tickets.addInbound(t.id(), marie.id(), NewMessage.of(Channel.EMAIL, "Encore moi")))
                .isInstanceOf(TicketClosedException.class).hasMessageContaining(t.reference());
        assertThat(tickets.messages(t.id())).as("the refused message is not stored").hasSize(5);

        Ticket back = tickets.reopen(t.id(), "bob");
        assertThat(back.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(back.closedAt()).isNull();
        assertThat(back.resolvedAt()).isNull();
        assertThat(tickets.reopen(t.id(), "bob").status()).as("no-op when active").isEqualTo(TicketStatus.OPEN);

        assertThat(audit.of(AuditLog.TICKET, t.id())).filteredOn(e -> !e.action().equals("message.added"))
                .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::details)
                .containsExactly(
                        tuple("created", "contact:" + marie.id(), "Ticket MC-2026-00001 ouvert (canal E-mail, priorité Normale)"),
                        tuple("first-response", "alice", "Première réponse envoyée par alice"),
                        tuple("status.changed", "alice", "Statut : Nouveau → Ouvert (réponse envoyée)"),
                        tuple("status.changed", "alice", "Statut : Ouvert → En attente de la commune"),
                        tuple("status.changed", "contact:" + marie.id(), "Statut : En attente de la commune → Ouvert (nouveau message du demandeur)"),
                        tuple("status.changed", "alice", "Statut : Ouvert → Résolu"),
                        tuple("status.changed", "contact:" + marie.id(), "Statut : Résolu → Ouvert (nouveau message du demandeur)"),
                        tuple("status.changed", "bob", "Statut : Ouvert → Clos"),
                        tuple("reopened", "bob", "Statut : Clos → Ouvert"));
    }

    @Test
    void priorityServiceCommuneAndAssigneeChangesAreAudited() {
        clock.setParis("2026-03-02T09:00");
        Ticket t = openSimple("Question");
        assertThat(t.firstResponseDue()).isEqualTo(paris("2026-03-02T17:30")); // NORMAL: 1 business day
        Ticket urgent = tickets.changePriority(t.id(), Priority.URGENT, "alice");
        assertThat(urgent.firstResponseDue()).isEqualTo(paris("2026-03-02T11:00"));
        assertThat(urgent.resolutionDue()).isEqualTo(paris("2026-03-02T17:30"));
        tickets.changeService(t.id(), ServiceArea.MARCHES, "alice");
        tickets.changeCommune(t.id(), "80312", "alice");
        tickets.assign(t.id(), "bob", "alice");
        tickets.assign(t.id(), "carole", "alice");
        Ticket unassigned = tickets.assign(t.id(), null, "alice");
        assertThat(unassigned.assignee()).isNull();
        assertThat(unassigned.service()).isEqualTo(ServiceArea.MARCHES);
        assertThat(unassigned.communeInsee()).isEqualTo("80312");
        tickets.changeService(t.id(), ServiceArea.MARCHES, "alice"); // no change, no row
        assertThat(audit.of(AuditLog.TICKET, t.id())).filteredOn(e -> !e.action().equals("message.added"))
                .extracting(AuditEntry::details).containsExactly(
                "Ticket MC-2026-00001 ouvert (canal E-mail, priorité Normale)",
                "Priorité : Normale → Urgente",
                "Service : non classé → Marchés publics",
                "Commune : inconnue → Fins",
                "Attribué à bob",
                "Attribué à carole (était bob)",
                "Attribution retirée (était carole)");
    }

    @Test
    void firstResponseGivenOtherwise() {
        Ticket t = openSimple("Appel téléphonique");
        clock.advance(Duration.ofHours(2));
        Ticket r = tickets.recordFirstResponse(t.id(), null, "alice");
        assertThat(r.firstResponseAt()).isEqualTo(clock.instant());
        clock.advance(Duration.ofHours(1));
        tickets.addOutbound(t.id(), "alice", NewMessage.of(Channel.EMAIL, "Comme convenu au téléphone…"));
        assertThat(tickets.findById(t.id()).orElseThrow().firstResponseAt()).as("the first one is kept")
                .isEqualTo(clock.instant().minus(Duration.ofHours(1)));
    }

    // ---------------------------------------------------------------- messages

    @Test
    void emailThreadingByMessageId() {
        Ticket t = tickets.open(NewTicket.of("Fil", Channel.EMAIL, marie.id())
                .withFirstMessage(NewMessage.of(Channel.EMAIL, "Premier").withEmailIds("<m1@mairie-y.fr>", null)));
        tickets.addOutbound(t.id(), "alice", NewMessage.of(Channel.EMAIL, "Réponse")
                .withEmailIds("out-1@helpdesk.sommenumerique.fr", "<m1@mairie-y.fr>"));
        assertThat(tickets.findByEmailMessageId("<out-1@helpdesk.sommenumerique.fr>")).map(Ticket::id).contains(t.id());
        assertThat(tickets.findByEmailMessageId("m1@mairie-y.fr")).map(Ticket::id).contains(t.id());
        assertThat(tickets.findByEmailMessageId("<inconnu@x>")).isEmpty();
        assertThat(tickets.findByEmailMessageIds(List.of("<inconnu@x>", "<m1@mairie-y.fr>"))).map(Ticket::id).contains(t.id());
        assertThat(tickets.messages(t.id()).get(1).inReplyTo()).isEqualTo("m1@mairie-y.fr");
    }

    @Test
    void everyMessageAddedIsAuditedInOneLine() {
        Ticket t = openSimple("Journal");
        tickets.addInbound(t.id(), marie.id(), NewMessage.of(Channel.EMAIL, "Voici le fichier")
                .withAttachments(List.of(NewAttachment.of("acte.pdf", "application/pdf", new byte[]{1, 2, 3}))));
        tickets.addOutbound(t.id(), Tickets.ASSISTANT, NewMessage.of(Channel.EMAIL, "Accusé de réception").asAutomatic());
        tickets.addOutbound(t.id(), "alice", NewMessage.of(Channel.EMAIL, "Réponse d'alice"));
        tickets.addNote(t.id(), "alice", "Appeler la mairie");
        List<TicketMessage> messages = tickets.messages(t.id());
        assertThat(audit.of(AuditLog.TICKET, t.id())).filteredOn(e -> e.action().equals("message.added"))
                .extracting(AuditEntry::actor, AuditEntry::details).containsExactly(
                        tuple("contact:" + marie.id(), "Message reçu n° " + messages.get(0).id() + " (E-mail)"),
                        tuple("contact:" + marie.id(), "Message reçu n° " + messages.get(1).id() + " (E-mail, 1 pièce(s) jointe(s))"),
                        tuple("assistant", "Réponse automatique n° " + messages.get(2).id() + " (E-mail)"),
                        tuple("alice", "Réponse n° " + messages.get(3).id() + " (E-mail)"),
                        tuple("alice", "Note interne n° " + messages.get(4).id()));
    }

    @Test
    void aReusedMessageIdIsKeptAndThreadsToOurOwnMessageThenTheLatestActiveTicket() {
        Ticket first = tickets.open(NewTicket.of("Fil", Channel.EMAIL, marie.id())
                .withFirstMessage(NewMessage.of(Channel.EMAIL, "Premier").withEmailIds("<m1@mairie-y.fr>", null)));
        clock.advance(Duration.ofMinutes(5));
        Ticket second = openSimple("Autre");
        tickets.addInbound(second.id(), marie.id(), NewMessage.of(Channel.EMAIL, "Autre contenu, même Message-ID")
                .withEmailIds("m1@mairie-y.fr", null));
        assertThat(tickets.messages(second.id())).extracting(TicketMessage::emailMessageId).contains("m1@mairie-y.fr");
        assertThat(tickets.findByEmailMessageId("m1@mairie-y.fr")).map(Ticket::id).contains(second.id());

        tickets.changeStatus(second.id(), TicketStatus.CLOSED, "alice");
        assertThat(tickets.findByEmailMessageId("m1@mairie-y.fr")).as("an active ticket before a closed one")
                .map(Ticket::id).contains(first.id());

        // our own Message-ID is never reused: when a reused one collides with it, ours decides
        tickets.addOutbound(second.id(), "alice", NewMessage.of(Channel.EMAIL, "Réponse").withEmailIds("m1@mairie-y.fr", null));
        assertThat(tickets.findByEmailMessageId("m1@mairie-y.fr")).map(Ticket::id).contains(second.id());
    }

    @Test
    void editedTelegramMessageIsUpdatedByItsExternalRef() {
        Contact tg = contacts.findOrCreateByTelegramChat(555L, "Paul");
        Ticket t = tickets.open(NewTicket.of("Telegram", Channel.TELEGRAM, tg.id())
                .withFirstMessage(NewMessage.of(Channel.TELEGRAM, "mot de pase refusé").withExternalRef("555:10")));
        clock.advance(Duration.ofMinutes(2));
        TicketMessage edited = tickets.updateMessageText("555:10", "mot de passe refusé sur la plateforme").orElseThrow();
        assertThat(edited.text()).isEqualTo("mot de passe refusé sur la plateforme");
        assertThat(edited.editedAt()).isEqualTo(clock.instant());
        assertThat(edited.ticketId()).isEqualTo(t.id());
        assertThat(tickets.updateMessageText("555:999", "x")).isEmpty();
        assertThat(tickets.search(TicketQuery.all().withText("plateforme")).items()).extracting(TicketSummary::id).containsExactly(t.id());
        assertThat(audit.of(AuditLog.TICKET, t.id())).extracting(AuditEntry::action).contains("message.edited");
    }

    @Test
    void attachmentsAreStoredWithTheirBytes() {
        byte[] pdf = "%PDF-1.4 fake".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        Ticket t = tickets.open(NewTicket.of("Pièces jointes", Channel.EMAIL, marie.id())
                .withFirstMessage(NewMessage.of(Channel.EMAIL, "Voir PJ").withHtml("<p>Voir PJ <img src=\"cid:img1\"></p>")
                        .withAttachments(List.of(NewAttachment.of("délibération.pdf", "application/pdf", pdf),
                                new NewAttachment("image.png", "image/png", png, "<img1>", true)))));
        TicketMessage m = tickets.messages(t.id()).get(0);
        assertThat(m.html()).contains("cid:img1");
        assertThat(m.attachments()).extracting(AttachmentInfo::filename, AttachmentInfo::contentType, AttachmentInfo::size,
                AttachmentInfo::contentId, AttachmentInfo::inline).containsExactly(
                tuple("délibération.pdf", "application/pdf", (long) pdf.length, null, false),
                tuple("image.png", "image/png", (long) png.length, "img1", true));
        Attachment stored = tickets.attachment(m.attachments().get(1).id()).orElseThrow();
        assertThat(stored.data()).isEqualTo(png);
        assertThat(tickets.message(m.id()).orElseThrow().attachments()).hasSize(2);
    }

    @Test
    void notesAreInternal() {
        Ticket t = openSimple("Note");
        TicketMessage note = tickets.addNote(t.id(), "alice", "Appeler la mairie jeudi");
        assertThat(note.direction()).isEqualTo(MessageDirection.NOTE);
        assertThat(note.channel()).isEqualTo(Channel.WEB);
        Ticket after = tickets.findById(t.id()).orElseThrow();
        assertThat(after.firstResponseAt()).isNull();
        assertThat(after.status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void openTicketsOfARequester() {
        Ticket a = openSimple("a");
        clock.advance(Duration.ofMinutes(5));
        Ticket b = openSimple("b");
        clock.advance(Duration.ofMinutes(5));
        Ticket c = openSimple("c");
        tickets.changeStatus(c.id(), TicketStatus.RESOLVED, "alice");
        clock.advance(Duration.ofMinutes(5));
        tickets.addInbound(a.id(), marie.id(), NewMessage.of(Channel.EMAIL, "relance"));
        assertThat(tickets.openTicketsOf(marie.id())).extracting(Ticket::id).containsExactly(a.id(), b.id());
        assertThat(tickets.lastOpenTicketOf(marie.id())).map(Ticket::id).contains(a.id());
        assertThat(tickets.ticketsOf(marie.id())).hasSize(3);
        Contact other = contacts.findOrCreateByEmail("x@y.fr", null);
        assertThat(tickets.lastOpenTicketOf(other.id())).isEmpty();
    }

    @Test
    void newTicketLinkedToAClosedOne() {
        Ticket old = openSimple("Ancien");
        tickets.changeStatus(old.id(), TicketStatus.CLOSED, "alice");
        Ticket next = tickets.open(NewTicket.of("Re: Ancien", Channel.EMAIL, marie.id()).withLinkedTicket(old.id()));
        assertThat(next.linkedTicketId()).isEqualTo(old.id());
        assertThat(audit.of(AuditLog.TICKET, next.id()).get(0).details()).contains("suite du ticket " + old.reference());
    }

    @Test
    void callerCanCatchAClosedTicketAndOpenALinkedOneInTheSameTransaction() {
        Ticket old = openSimple("Ancien");
        tickets.changeStatus(old.id(), TicketStatus.CLOSED, "alice");
        Ticket next = tx.execute(s -> {
            try {
                tickets.addInbound(old.id(), marie.id(), NewMessage.of(Channel.EMAIL, "Re: Ancien").withEmailIds("r1@mairie-y.fr", null));
                throw new AssertionError("closed ticket accepted a message");
            } catch (TicketClosedException closed) {
                return tickets.open(NewTicket.of("Re: Ancien", Channel.EMAIL, marie.id()).withLinkedTicket(closed.ticketId())
                        .withFirstMessage(NewMessage.of(Channel.EMAIL, "Re: Ancien").withEmailIds("r1@mairie-y.fr", null)));
            }
        });
        assertThat(tickets.findById(next.id())).map(Ticket::linkedTicketId).contains(old.id());
        assertThat(tickets.findByEmailMessageId("r1@mairie-y.fr")).map(Ticket::id).contains(next.id());
    }

    // ---------------------------------------------------------------- merge

    @Test
    void mergeMovesMessagesAndClosesTheSource() {
        Ticket target = tickets.open(NewTicket.of("Mot de passe", Channel.EMAIL, marie.id())
                .withFirstMessage(NewMessage.of(Channel.EMAIL, "Premier envoi").withEmailIds("t1@mairie-y.fr", null)));
        clock.advance(Duration.ofMinutes(10));
        Ticket source = tickets.open(NewTicket.of("Mot de passe (relance)", Channel.TELEGRAM, marie.id())
                .withFirstMessage(NewMessage.of(Channel.TELEGRAM, "Relance").withExternalRef("9:1")));
        tickets.addInbound(source.id(), marie.id(), NewMessage.of(Channel.EMAIL, "Encore").withEmailIds("s2@mairie-y.fr", null));
        clock.advance(Duration.ofMinutes(10));

        Ticket merged = tickets.merge(source.id(), target.id(), "alice");

        Ticket closedSource = tickets.findById(source.id()).orElseThrow();
        assertThat(closedSource.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closedSource.mergedIntoId()).isEqualTo(target.id());
        assertThat(closedSource.closedAt()).isEqualTo(clock.instant());
        assertThat(merged.lastInboundAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(10)));
        List<TicketMessage> messages = tickets.messages(target.id());
        assertThat(messages).extracting(TicketMessage::text, TicketMessage::mergedFromTicketId).containsExactly(
                tuple("Premier envoi", null),
                tuple("Relance", source.id()),
                tuple("Encore", source.id()),
                tuple("Ticket " + source.reference() + " fusionné dans ce ticket (2 message(s) repris).", null));
        assertThat(tickets.messages(source.id())).extracting(TicketMessage::text)
                .containsExactly("Ticket fusionné dans " + target.reference() + ".");
        assertThat(tickets.findByEmailMessageId("s2@mairie-y.fr")).map(Ticket::id).contains(target.id());

        // later messages for the source go to the target
        TicketMessage late = tickets.addInbound(source.id(), marie.id(), NewMessage.of(Channel.EMAIL, "Et maintenant ?"));
        assertThat(late.ticketId()).isEqualTo(target.id());
        assertThat(tickets.resolveMerged(source.id())).map(Ticket::id).contains(target.id());

        assertThat(audit.of(AuditLog.TICKET, source.id())).extracting(AuditEntry::action).endsWith("merged.into");
        assertThat(audit.of(AuditLog.TICKET, target.id())).extracting(AuditEntry::action).endsWith("merged.from", "message.added");
        assertThatThrownBy(() -> tickets.changeStatus(source.id(), TicketStatus.OPEN, "alice"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fusionné dans " + target.reference());
        assertThatThrownBy(() -> tickets.merge(target.id(), target.id(), "alice")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tickets.merge(source.id(), target.id(), "alice")).isInstanceOf(IllegalStateException.class);
        Ticket third = openSimple("Troisième");
        assertThatThrownBy(() -> tickets.merge(third.id(), source.id(), "alice"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a été fusionné");
    }

    private static java.time.Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Paris")).toInstant();
    }
}
