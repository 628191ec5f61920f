package fr.sommenumerique.helpdesk.mail;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.mail.parsing.FidelityFixtures;
import fr.sommenumerique.helpdesk.mail.parsing.FidelityFixtures.Fixture;
import fr.sommenumerique.helpdesk.mail.parsing.MailParser;
import fr.sommenumerique.helpdesk.ticketing.AssistantInteractions;
import fr.sommenumerique.helpdesk.ticketing.AttachmentInfo;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Communes;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.InboundRecord;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.ProcessedInbound;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static fr.sommenumerique.helpdesk.mail.MailTestServers.body;
import static fr.sommenumerique.helpdesk.mail.MailTestServers.referenceIn;
import static fr.sommenumerique.helpdesk.mail.MailTestServers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11's mail classes end to end through real servers: each fixture of {@code mail/fidelite} put in the support
 * mailbox, read over IMAP, and what it became (ticket, note, request) and what was or was not sent over SMTP.
 */
@SpringBootTest
@ActiveProfiles("test")
class MailFidelityEndToEndTest {

    private static final MailTestServers servers = new MailTestServers();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Long enough for a wrongly queued answer to have been sent (the outbox sends every 200 ms in tests). */
    private static final long NOTHING_SENT_WAIT_MS = 1200;

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        servers.register(registry);
    }

    @AfterAll
    static void stopServers() {
        servers.stop();
    }

    @Autowired
    Tickets tickets;
    @Autowired
    Contacts contacts;
    @Autowired
    Communes communes;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    ProcessedInbound processed;
    @Autowired
    AssistantInteractions interactions;

    // ------------------------------------------------------------------ every fixture

    @TestFactory
    Stream<DynamicTest> every_fixture_becomes_what_its_class_calls_for() {
        return FidelityFixtures.all().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> checkFixture(f)));
    }

    private void checkFixture(Fixture f) throws Exception {
        String sender = new MailParser().parse(f.raw()).from().normalizedAddress();
        int ticketsBefore = contacts.byEmail(sender).map(c -> tickets.ticketsOf(c.id()).size()).orElse(0);
        String messageId = deliver(f.raw());
        InboundRecord record = processed.find(Channel.EMAIL, "mid:" + messageId).orElseThrow();
        boolean answered = f.kind().equals("HUMAN") && !f.expect().has("calendar");
        if (answered) {
            await().atMost(WAIT).until(() -> !repliesTo(messageId).isEmpty());
        } else {
            Thread.sleep(NOTHING_SENT_WAIT_MS);
        }
        List<MimeMessage> replies = repliesTo(messageId);
        String outcome = record.outcome();
        switch (f.kind()) {
            case "HUMAN" -> {
                Contact contact = contacts.byEmail(sender).orElseThrow();
                if (f.expect().has("calendar")) {
                    assertThat(outcome).startsWith("TICKET_OPENED");
                    assertThat(replies).as("aucune réponse à une invitation").isEmpty();
                    assertThat(notes(record.ticketId())).anyMatch(n -> n.contains(f.expect().get("calendar").get("title").asString()));
                    assertThat(interactions.byTicket(record.ticketId())).as("l'assistant n'est pas consulté").isEmpty();
                    assertThat(subscriptions.ofContact(contact.id())).as("aucune demande automatique").isEmpty();
                } else {
                    assertThat(replies).as("une réponse (réponse, accusé ou hors sujet)").hasSize(1);
                    String question = latestQuestionOf(contact);
                    if (f.text("text") != null) {
                        assertThat(question).as("ce que l'assistant lit").startsWith(f.text("text"));
                    }
                    f.list("forwardedContains").forEach(s -> assertThat(question).as("le message transféré est lu").contains(s));
                    f.list("quotedContains").forEach(s -> assertThat(question).as("la citation n'est pas lue").doesNotContain(s));
                }
                if (!f.list("attachments").isEmpty()) {
                    List<AttachmentInfo> files = receivedMessage(record.ticketId(), messageId).attachments();
                    assertThat(files).as("les fichiers sur le ticket").extracting(AttachmentInfo::filename)
                            .containsExactlyElementsOf(f.list("attachments"));
                    if (!f.list("attachmentTypes").isEmpty()) {
                        assertThat(files).extracting(AttachmentInfo::contentType)
                                .containsExactlyElementsOf(f.list("attachmentTypes"));
                    }
                }
                if (f.text("commune") != null) {
                    assertThat(contact.communeInsee()).as("commune de l'expéditeur").isNotNull();
                    assertThat(communes.byInsee(contact.communeInsee()).orElseThrow().name()).isEqualTo(f.text("commune"));
                }
            }
            case "READ_RECEIPT", "DELIVERY_REPORT", "CALENDAR_REPLY" -> {
                assertThat(outcome).startsWith("REPORT");
                assertThat(replies).isEmpty();
                assertThat(contacts.byEmail(sender).map(c -> tickets.ticketsOf(c.id()).size()).orElse(0))
                        .as("aucun ticket ouvert").isEqualTo(ticketsBefore);
            }
            case "BOUNCE" -> {
                assertThat(outcome).startsWith("BOUNCE");
                assertThat(replies).isEmpty();
                // a known address is marked (MailChannelEndToEndTest and the bounce test below): none is known here
                f.list("failedRecipients").forEach(a -> assertThat(contacts.byEmail(a).map(Contact::emailFailing).orElse(true)).isTrue());
            }
            case "AUTO_NOTICE" -> {
                assertThat(outcome).startsWith("TICKET_OPENED");
                assertThat(replies).isEmpty();
                Ticket ticket = tickets.findById(record.ticketId()).orElseThrow();
                assertThat(ticket.priority()).isEqualTo(Priority.LOW);
                assertThat(notes(ticket.id())).anyMatch(n -> n.contains("Aucune réponse n'est envoyée à un robot."));
            }
            case "OUT_OF_OFFICE" -> {
                assertThat(outcome).startsWith("AUTOMATIC_REPLY");
                assertThat(replies).isEmpty();
            }
            default -> throw new AssertionError("type inattendu " + f.kind());
        }
    }

    private String latestQuestionOf(Contact contact) {
        return interactions.between(Instant.EPOCH, Instant.now().plusSeconds(3600)).stream()
                .filter(i -> contact.id() == (i.contactId() == null ? -1 : i.contactId()))
                .reduce((first, second) -> second.id() > first.id() ? second : first).orElseThrow().question();
    }

    // ------------------------------------------------------------------ machine reports on a resolved ticket

    @Test
    void a_read_receipt_on_a_resolved_ticket_becomes_a_note_saying_when_it_was_read_and_nothing_is_sent() throws Exception {
        Resolved t = resolvedTicket();
        String ours = t.lastReplyId();
        deliver(FidelityFixtures.named("21-outlook-accuse-de-lecture"), Map.of(
                "mc-2025-00042-2@mairie-connectee.local", ours,
                "mairie@querrieu.fr", t.address()));

        assertThat(notes(t.ticket().id())).anyMatch(n -> n.startsWith("Accusé de lecture : message lu le 4 mars 2025 à 10:15 par "
                + t.address() + ". (message du "));
        assertThat(noteFiles(t.ticket().id(), "Accusé de lecture")).as("la partie technique, nommée, reste sur la note")
                .containsExactlyElementsOf(FidelityFixtures.named("21-outlook-accuse-de-lecture").list("attachments"));
        assertStillResolvedAndNothingSent(t);
    }

    @Test
    void a_read_receipt_without_in_reply_to_is_placed_by_its_original_message_id() throws Exception {
        Resolved t = resolvedTicket();
        deliver(FidelityFixtures.named("23-outlook-non-lu-supprime"), Map.of(
                "mc-2025-00058-2@mairie-connectee.local", t.lastReplyId(),
                "mairie@conty.fr", t.address()));

        assertThat(notes(t.ticket().id())).anyMatch(n -> n.contains("message supprimé sans avoir été lu"));
        assertStillResolvedAndNothingSent(t);
    }

    @Test
    void a_calendar_reply_on_a_resolved_ticket_becomes_a_note_and_nothing_is_sent() throws Exception {
        Resolved t = resolvedTicket();
        deliver(FidelityFixtures.named("29-outlook-invitation-acceptee"), Map.of(
                "mc-2025-00070-3@mairie-connectee.local", t.lastReplyId(),
                "secretariat@talmas.fr", t.address()));

        assertThat(notes(t.ticket().id())).anyMatch(n -> n.startsWith("Réponse à l'invitation « Accepté: Formation Actes – "
                + "session de mars » (mercredi 12 mars 2025 de 9h30 à 12h00) : acceptée par Julie Petit <secretariat@talmas.fr>. (message du "));
        assertStillResolvedAndNothingSent(t);
    }

    @Test
    void a_delayed_delivery_report_notes_the_delay_without_marking_the_address_and_nothing_is_sent() throws Exception {
        Resolved t = resolvedTicket();
        // Postfix's warning has no In-Reply-To: the returned headers name our message
        deliver(FidelityFixtures.named("25-postfix-message-retarde"), Map.of(
                "mc-2025-00065-2@mairie-connectee.local", t.lastReplyId(),
                "mairie@ville-ham.fr", t.address()));

        assertThat(notes(t.ticket().id())).anyMatch(n -> n.contains("remise retardée pour " + t.address() + " (4.4.1)"));
        assertThat(contacts.byEmail(t.address()).orElseThrow().emailFailing()).isFalse();
        assertStillResolvedAndNothingSent(t);
    }

    @Test
    void a_bounce_marks_the_address_and_notes_the_diagnostic_on_the_ticket_of_the_returned_message() throws Exception {
        Resolved t = resolvedTicket();
        deliver(FidelityFixtures.named("26-gmail-echec-de-remise"), Map.of(
                "mc-2025-00061-2@mairie-connectee.local", t.lastReplyId(),
                "mairie.ancienne.adresse@gmail.com", t.address()));

        assertThat(contacts.byEmail(t.address()).orElseThrow().emailFailing()).isTrue();
        assertThat(notes(t.ticket().id())).anyMatch(n -> n.startsWith("Message non distribué à " + t.address() + " (5.1.1)"));
        // the unnamed delivery-status part is named for what it is; the returned message keeps its subject as name
        assertThat(noteFiles(t.ticket().id(), "Message non distribué"))
                .containsExactly("rapport-remise.txt", "[MC-2025-00061] Votre demande d'accès.eml");
        assertStillResolvedAndNothingSent(t);
    }

    @Test
    void a_platform_notice_in_a_tickets_thread_is_a_note_and_never_answered() throws Exception {
        Resolved t = resolvedTicket();
        deliver(FidelityFixtures.named("32-plateforme-marches-avis-automatique"), Map.of("Auto-Submitted: auto-generated",
                "In-Reply-To: <" + t.lastReplyId() + ">\r\nAuto-Submitted: auto-generated"));

        assertThat(notes(t.ticket().id())).anyMatch(n -> n.startsWith("Avis automatique de ne-pas-repondre@marches.somme-numerique.example"));
        assertStillResolvedAndNothingSent(t);
    }

    // ------------------------------------------------------------------ winmail.dat

    @Test
    void a_winmail_dat_lands_on_the_ticket_as_its_real_files_with_their_names_and_bytes() throws Exception {
        Fixture winmail = FidelityFixtures.named("38-outlook-winmail-dat");
        String address = unique("mairie");
        String id = deliver(winmail, Map.of("mairie@moreuil.fr", address));

        Ticket ticket = tickets.findById(processed.find(Channel.EMAIL, "mid:" + id).orElseThrow().ticketId()).orElseThrow();
        List<AttachmentInfo> files = receivedMessage(ticket.id(), id).attachments();
        assertThat(files).extracting(AttachmentInfo::filename)
                .containsExactly("Délibération 2025-14 budget primitif.pdf", "Annexe – maquette budgétaire.csv");
        assertThat(files).extracting(AttachmentInfo::contentType).containsExactly("application/pdf", "text/csv");
        // the bytes Outlook enclosed, as written in the TNEF stream (the CSV in Windows-1252, as Excel saves it)
        assertThat(tickets.attachment(files.get(0).id()).orElseThrow().data()).isEqualTo(("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(tickets.attachment(files.get(1).id()).orElseThrow().data()).isEqualTo(("Chapitre;Libellé;Montant\n"
                + "011;Charges à caractère général;182 400\n012;Charges de personnel;241 900\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(awaitReplies(address, 1)).hasSize(1);
    }

    // ------------------------------------------------------------------ invitations

    @Test
    void an_invitation_opens_a_ticket_for_staff_with_the_event_summarised_and_the_ics_kept_and_no_request_nor_answer()
            throws Exception {
        Fixture invitation = FidelityFixtures.named("35-outlook-invitation-formation");
        String address = unique("dgs");
        String id = deliver(invitation, Map.of("m.dupont@corbie.fr", address));

        Ticket ticket = tickets.findById(processed.find(Channel.EMAIL, "mid:" + id).orElseThrow().ticketId()).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(notes(ticket.id())).anyMatch(n -> n.equals("Invitation à un événement reçue :\n"
                + "Événement : « Formation Actes – session de mars »\nDate : mercredi 12 mars 2025 de 9h30 à 12h00\n"
                + "Lieu : Salle du conseil, mairie de Corbie\nOrganisateur : Marc Dupont <m.dupont@corbie.fr>\n"
                + "Le fichier « invitation.ics » est joint au message. Aucune réponse automatique n'a été envoyée : "
                + "à accepter ou refuser depuis l'agenda de l'équipe."));
        TicketMessage message = tickets.messages(ticket.id()).get(0);
        assertThat(message.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("invitation.ics");
            assertThat(a.contentType()).isEqualTo("text/calendar");
            assertThat(new String(tickets.attachment(a.id()).orElseThrow().data(), StandardCharsets.UTF_8))
                    .contains("METHOD:REQUEST").contains("SUMMARY;LANGUAGE=fr-FR:Formation Actes");
        });
        Contact contact = contacts.byEmail(address).orElseThrow();
        assertThat(subscriptions.ofContact(contact.id())).as("aucune demande d'inscription automatique").isEmpty();
        Thread.sleep(NOTHING_SENT_WAIT_MS);
        assertThat(servers.repliesTo(address)).isEmpty();
    }

    @Test
    void an_invitation_in_the_thread_of_an_open_ticket_joins_it_with_the_summary_and_no_answer() throws Exception {
        String address = unique("mairie");
        servers.send(servers.newMessage(address, "Actes", "Le certificat RGS de la mairie a expiré, impossible de télétransmettre."));
        MimeMessage ack = awaitReplies(address, 1).get(0);
        Ticket ticket = tickets.findByReference(referenceIn(ack.getSubject())).orElseThrow();
        deliver(FidelityFixtures.named("37-thunderbird-annulation-evenement"), Map.of(
                "secretariat@rosieres-en-santerre.fr", address,
                "Content-Language: fr", "Content-Language: fr\r\nIn-Reply-To: " + ack.getMessageID()));

        assertThat(notes(ticket.id())).anyMatch(n -> n.startsWith("Annulation d'un événement reçue :\n"
                + "Événement : « Installation du certificat sur le poste de l'accueil »\nDate : vendredi 7 mars 2025 (toute la journée)"));
        assertThat(tickets.messages(ticket.id())).filteredOn(m -> m.direction() == MessageDirection.INBOUND).hasSize(2);
        Thread.sleep(NOTHING_SENT_WAIT_MS);
        assertThat(servers.repliesTo(address)).hasSize(1);
    }

    // ------------------------------------------------------------------ forwards and quotes

    @Test
    void a_forward_links_the_forwarders_commune_and_the_assistant_reads_the_forwarded_message() throws Exception {
        for (String name : List.of("01-thunderbird-transfert-signature-sous-le-message", "07-apple-mail-transfert")) {
            Fixture forward = FidelityFixtures.named(name);
            String original = new MailParser().parse(forward.raw()).from().normalizedAddress();
            String address = unique("secretaire");
            String id = deliver(forward, Map.of(original, address));

            Ticket ticket = tickets.findById(processed.find(Channel.EMAIL, "mid:" + id).orElseThrow().ticketId()).orElseThrow();
            assertThat(communes.byInsee(ticket.communeInsee()).orElseThrow().name()).as(name).isEqualTo(forward.text("commune"));
            assertThat(ticket.requesterId()).isEqualTo(contacts.byEmail(address).orElseThrow().id());
            assertThat(interactions.byTicket(ticket.id()).orElseThrow().question()).as(name)
                    .contains(forward.list("forwardedContains").get(0));
            assertThat(awaitReplies(address, 1)).hasSize(1);
        }
    }

    @Test
    void a_reply_all_re_tr_adds_only_the_new_text_to_the_ticket_it_answers_and_the_quoted_chain_stays_collapsed() throws Exception {
        String address = unique("mairie");
        servers.send(servers.newMessage(address, "TR: Acte refusé : nomenclature incorrecte",
                "Je vous transfère le message de la préfecture : que faut-il corriger ?"));
        MimeMessage ack = awaitReplies(address, 1).get(0);
        Ticket ticket = tickets.findByReference(referenceIn(ack.getSubject())).orElseThrow();
        String id = deliver(FidelityFixtures.named("11-outlook-bureau-re-tr-reponse-a-tous"), Map.of(
                "mc-2025-00042-2@mairie-connectee.local", ack.getMessageID().replaceAll("[<>]", ""),
                "mairie@querrieu.fr", address));

        assertThat(processed.find(Channel.EMAIL, "mid:" + id).orElseThrow().ticketId()).isEqualTo(ticket.id());
        TicketMessage stored = tickets.messages(ticket.id()).stream()
                .filter(m -> id.equals(m.emailMessageId())).findFirst().orElseThrow();
        assertThat(stored.text()).startsWith("Bonjour,\n\nToujours aucune nouvelle de la préfecture").contains("Nous avons bien reçu");
        assertThat(fr.sommenumerique.helpdesk.web.render.QuotedText.split(stored.text()))
                .filteredOn(s -> !s.quoted()).extracting(s -> s.text())
                .allMatch(s -> !s.contains("Nous avons bien reçu") && !s.contains("L'acte n° 080"));
    }

    // ------------------------------------------------------------------ « used to work and no longer shows »

    @TestFactory
    Stream<DynamicTest> something_that_no_longer_shows_opens_an_incident_ticket() {
        return Stream.of("40-gmail-mobile-acte-plus-visible", "41-thunderbird-dossier-ne-s-affiche-plus")
                .map(name -> DynamicTest.dynamicTest(name, () -> assertIncidentTicket(name)));
    }

    @Test
    void a_consultation_that_no_longer_appears_on_the_platform_opens_an_incident_ticket() throws Exception {
        assertIncidentTicket("39-outlook-consultation-n-apparait-plus");
    }

    private void assertIncidentTicket(String name) throws Exception {
        Fixture fixture = FidelityFixtures.named(name);
        String address = unique("secretariat");
        String id = deliver(fixture, Map.of(new MailParser().parse(fixture.raw()).from().normalizedAddress(), address));
        Ticket ticket = tickets.findById(processed.find(Channel.EMAIL, "mid:" + id).orElseThrow().ticketId()).orElseThrow();
        assertThat(interactions.byTicket(ticket.id()).orElseThrow().decisionKind()).as(name).isEqualTo(AssistantInteractions.TICKET);
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(body(awaitReplies(address, 1).get(0))).contains(ticket.reference()).contains("Délai de première réponse");
    }

    // ------------------------------------------------------------------ helpers

    private record Resolved(Ticket ticket, String address, String lastReplyId, int repliesBefore) {
    }

    /** A ticket the assistant answered (resolved), with the Message-ID of our answer. */
    private Resolved resolvedTicket() throws Exception {
        String address = unique("secretaire");
        servers.send(servers.newMessage(address, "Question délai préfet",
                "Bonjour,\n\nCombien de temps le préfet a-t-il pour déférer une délibération au tribunal ?"));
        MimeMessage answer = awaitReplies(address, 1).get(0);
        Ticket ticket = tickets.findByReference(referenceIn(answer.getSubject())).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
        return new Resolved(ticket, address, answer.getMessageID().replaceAll("[<>]", ""), 1);
    }

    private void assertStillResolvedAndNothingSent(Resolved t) throws InterruptedException {
        assertThat(tickets.findById(t.ticket().id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(tickets.messages(t.ticket().id())).filteredOn(m -> m.direction() == MessageDirection.INBOUND).hasSize(1);
        Thread.sleep(NOTHING_SENT_WAIT_MS);
        assertThat(servers.repliesTo(t.address())).hasSize(t.repliesBefore());
    }

    /** Delivers a fixture with some strings replaced (addresses, our Message-IDs) and a Message-ID of its own. */
    private String deliver(Fixture fixture, Map<String, String> replacements) throws Exception {
        String raw = new String(fixture.raw(), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            raw = raw.replace(r.getKey(), r.getValue());
        }
        String id = new MailParser().parse(fixture.raw()).messageId();
        return deliver(raw.replace(id, "copie-" + UUID.randomUUID() + "-" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Puts the raw mail in the support mailbox and waits until it is processed; returns its Message-ID. */
    private String deliver(byte[] raw) throws Exception {
        String id = new MailParser().parse(raw).messageId();
        servers.deliverRaw(raw);
        await().atMost(WAIT).until(() -> processed.find(Channel.EMAIL, "mid:" + id)
                .map(r -> !r.outcome().equals("en cours")).orElse(false));
        return id;
    }

    private List<MimeMessage> repliesTo(String messageId) {
        return Stream.of(servers.relay().getReceivedMessages())
                .filter(m -> ("<" + messageId + ">").equals(header(m, "In-Reply-To"))).toList();
    }

    private List<MimeMessage> awaitReplies(String address, int count) {
        await().atMost(WAIT).until(() -> servers.repliesTo(address).size() >= count);
        return servers.repliesTo(address);
    }

    /** The message of the ticket that came with that Message-ID. */
    private TicketMessage receivedMessage(long ticketId, String messageId) {
        return tickets.messages(ticketId).stream()
                .filter(m -> m.direction() == MessageDirection.INBOUND && Tickets.normalizeMessageId(messageId).equals(Tickets.normalizeMessageId(m.emailMessageId())))
                .findFirst().orElseThrow();
    }

    /** The names of the files on the ticket's note that starts with {@code noteStart}. */
    private List<String> noteFiles(long ticketId, String noteStart) {
        return tickets.messages(ticketId).stream()
                .filter(m -> m.direction() == MessageDirection.NOTE && m.text().startsWith(noteStart))
                .findFirst().orElseThrow().attachments().stream().map(AttachmentInfo::filename).toList();
    }

    private List<String> notes(long ticketId) {
        return tickets.messages(ticketId).stream().filter(m -> m.direction() == MessageDirection.NOTE)
                .map(TicketMessage::text).toList();
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
