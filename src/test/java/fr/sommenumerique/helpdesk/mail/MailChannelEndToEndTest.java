package fr.sommenumerique.helpdesk.mail;

import fr.sommenumerique.helpdesk.assistant.DecisionEngine;
import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.AttachmentInfo;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Communes;
import fr.sommenumerique.helpdesk.ticketing.ProcessedInbound;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutboxStatus;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
import fr.sommenumerique.helpdesk.ticketing.QuarantinedItem;
import fr.sommenumerique.helpdesk.assistant.SubscriptionKind;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketQuery;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.testdb.TestDatabases;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static fr.sommenumerique.helpdesk.mail.MailTestServers.body;
import static fr.sommenumerique.helpdesk.mail.MailTestServers.referenceIn;
import static fr.sommenumerique.helpdesk.mail.MailTestServers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The e-mail channel end to end, through real servers: mails sent over SMTP to the support mailbox, read by the
 * application over IMAP, turned into tickets and requests in H2, and replies delivered by SMTP to the sender.
 */
@SpringBootTest
@ActiveProfiles("test")
class MailChannelEndToEndTest {

    private static final MailTestServers servers = new MailTestServers();
    private static final Duration WAIT = Duration.ofSeconds(20);

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
    DecisionEngine engine;
    @Autowired
    Contacts contacts;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    Outbox outbox;
    @Autowired
    Quarantine quarantine;
    @Autowired
    Communes communes;
    @Autowired
    ProcessedInbound processed;
    @Autowired
    HealthEndpoint health;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void a_question_the_knowledge_base_covers_is_answered_by_a_threaded_automatic_reply() throws Exception {
        String from = unique("secretaire");
        MimeMessage question = servers.newMessage(from, "Question délai préfet",
                "Bonjour,\n\nCombien de temps le préfet a-t-il pour déférer une délibération au tribunal ?\n\nCordialement,\nMarie");
        long anticipated = engine.anticipatedDecisionsUsed();
        servers.send(question);

        MimeMessage reply = awaitOneReply(from);
        // the reader's second thread had worked the decision out before the transaction asked for it
        assertThat(engine.anticipatedDecisionsUsed()).isGreaterThan(anticipated);
        String reference = referenceIn(reply.getSubject());
        assertThat(reply.getSubject()).isEqualTo("[" + reference + "] RE : Question délai préfet");
        assertThat(header(reply, "In-Reply-To")).isEqualTo(question.getMessageID());
        assertThat(header(reply, "References")).contains(question.getMessageID());
        assertThat(reply.getMessageID()).endsWith("@mairie-connectee.local>");
        assertThat(header(reply, "Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(body(reply)).contains("2 mois").contains("non résolu").contains("Source : « ");

        Ticket ticket = tickets.findByReference(reference).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(tickets.messages(ticket.id())).extracting(TicketMessage::direction)
                .containsExactly(MessageDirection.INBOUND, MessageDirection.OUTBOUND);
    }

    @Test
    void a_question_written_in_the_subject_above_a_greeting_is_answered() throws Exception {
        String from = unique("objet");
        servers.send(servers.newMessage(from, "Délai du préfet pour déférer une délibération au tribunal ?",
                "Bonjour,\n\nCordialement,\nMarie Durand\nSecrétaire de mairie"));

        MimeMessage reply = awaitOneReply(from);
        assertThat(body(reply)).contains("2 mois").doesNotContain("Posez-moi votre question");
        assertThat(tickets.findByReference(referenceIn(reply.getSubject())).orElseThrow().status())
                .isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void an_incident_opens_a_ticket_acknowledged_with_reference_response_time_and_opening_hours() throws Exception {
        String from = unique("accueil");
        servers.send(servers.newMessage(from, "Actes bloqué",
                "Message d'erreur « fichier non conforme » quand je dépose ma délibération sur Actes, c'est urgent !!"));

        MimeMessage ack = awaitOneReply(from);
        Ticket ticket = tickets.findByReference(referenceIn(ack.getSubject())).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.service()).isEqualTo(ServiceArea.ACTES);
        assertThat(ticket.priority()).isEqualTo(Priority.URGENT);
        assertThat(body(ack)).contains(ticket.reference()).contains("Délai de première réponse visé : sous")
                .contains("de 9h00 à 12h30 et de 14h00 à 17h30");
    }

    @Test
    void a_subscription_request_is_recorded_and_confirmed_with_the_communes_eligibility() throws Exception {
        String from = unique("mairie");
        askToJoin(from);

        MimeMessage confirmation = awaitOneReply(from);
        String reference = subscriptionReferenceIn(confirmation.getSubject());
        SubscriptionRequest request = subscriptions.byReference(reference).orElseThrow();
        assertThat(request.kind()).isEqualTo(SubscriptionKind.MEMBERSHIP);
        assertThat(request.services()).contains(ServiceArea.ACTES);
        assertThat(communes.byInsee(request.communeInsee()).orElseThrow().name()).isEqualTo("Cannessières");
        assertThat(request.subsidyEligible()).isTrue();
        assertThat(body(confirmation)).contains(reference).contains("Prochaines étapes").contains("moins de 2 000 habitants");
    }

    @Test
    void a_request_with_a_price_question_is_recorded_and_the_question_goes_to_staff_as_a_linked_ticket() throws Exception {
        String from = unique("compte");
        servers.send(servers.newMessage(from, "Nouveau compte", "Bonjour,\n\nPouvez-vous créer un compte Actes pour "
                + "notre nouvelle secrétaire, Mme Durand ? Et combien coûte l'abonnement à Mairie connectée ?\n\n"
                + "Cordialement,\nLe maire de Cannessières"));

        MimeMessage confirmation = awaitOneReply(from);
        SubscriptionRequest request = subscriptions.byReference(subscriptionReferenceIn(confirmation.getSubject())).orElseThrow();
        assertThat(request.kind()).isEqualTo(SubscriptionKind.ACCOUNT);
        assertThat(body(confirmation)).contains(request.reference()).contains("création de compte")
                .contains("Nous ne disposons pas ici des montants").contains("transmise à un agent");
        Ticket ticket = tickets.findById(request.ticketId()).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(tickets.messages(ticket.id())).anySatisfy(m -> assertThat(m.text())
                .contains("À traiter par un agent").contains("combien coute l'abonnement").contains(request.reference()));
    }

    @Test
    void replies_to_a_subscription_confirmation_become_notes_on_the_request_without_automatic_answer() throws Exception {
        String from = unique("adhesion");
        askToJoin(from);
        MimeMessage confirmation = awaitOneReply(from);
        String reference = subscriptionReferenceIn(confirmation.getSubject());
        SubscriptionRequest request = subscriptions.byReference(reference).orElseThrow();

        MimeMessage byHeaders = servers.newMessage(from, "RE: " + confirmation.getSubject(),
                "Merci ! Faut-il une délibération du conseil municipal pour adhérer ?\n\nLe 3 mars, Support a écrit :\n> Votre demande");
        byHeaders.setHeader("In-Reply-To", confirmation.getMessageID());
        servers.send(byHeaders);
        await().atMost(WAIT).until(() -> notesOf(reference).contains("délibération du conseil municipal"));

        servers.send(servers.newMessage(from, "[" + reference + "] pièce", "Notre numéro SIRET est 218 000 000 00012."));
        await().atMost(WAIT).until(() -> notesOf(reference).contains("SIRET"));

        // automatic by its subject only, but in the confirmation's thread: a note too, no ticket
        MimeMessage absence = servers.newMessage(from, "Réponse automatique : " + confirmation.getSubject(),
                "Je suis absente jusqu'au 12 mars.");
        absence.setHeader("In-Reply-To", confirmation.getMessageID());
        servers.send(absence);
        await().atMost(WAIT).until(() -> notesOf(reference).contains("absente jusqu'au 12 mars"));
        assertThat(tickets.ticketsOf(contacts.byEmail(from).orElseThrow().id())).isEmpty();

        String stranger = unique("autre");
        servers.send(servers.newMessage(stranger, "[" + reference + "] Actes", "Le certificat RGS est expiré, impossible de télétransmettre."));
        assertThat(referenceIn(awaitOneReply(stranger).getSubject())).startsWith("MC-");
        assertThat(notesOf(reference)).doesNotContain("RGS");

        // decided: nobody reads the request any more, so a question opens a ticket, still without automatic answer
        subscriptions.accept(request.id(), "Bienvenue", "agent");
        MimeMessage afterDecision = servers.newMessage(from, "RE: " + confirmation.getSubject(), "Quand aura lieu la formation Actes ?");
        afterDecision.setHeader("In-Reply-To", confirmation.getMessageID());
        servers.send(afterDecision);
        Contact contact = contacts.byEmail(from).orElseThrow();
        await().atMost(WAIT).until(() -> tickets.ticketsOf(contact.id()).size() == 1);
        Ticket ticket = tickets.ticketsOf(contact.id()).get(0);
        assertThat(notes(ticket.id())).anyMatch(n -> n.contains(reference) && n.contains("aucune réponse automatique"));
        assertAnsweredExactly(from, 1);
    }

    @Test
    void an_out_of_scope_message_gets_a_polite_reply_and_stays_visible_to_staff() throws Exception {
        String from = unique("elu");
        servers.send(servers.newMessage(from, "Encombrants", "Quand passe le ramassage des encombrants rue des Lilas ?"));

        MimeMessage reply = awaitOneReply(from);
        assertThat(body(reply)).contains("ne semble pas concerner");
        Ticket ticket = tickets.findByReference(referenceIn(reply.getSubject())).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void not_resolved_reopens_the_answered_ticket_for_a_human_but_a_bare_thank_you_does_not() throws Exception {
        String from = unique("compta");
        servers.send(servers.newMessage(from, "Seuil", "Quel est le seuil des procédures formalisées pour une commune en fournitures ?"));
        MimeMessage answer = awaitOneReply(from);
        Ticket ticket = tickets.findByReference(referenceIn(answer.getSubject())).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);

        MimeMessage thanks = servers.newMessage(from, "RE: " + answer.getSubject(), "Merci beaucoup !\n\nLe mar. 3 mars 2026 à 10:12, Assistance Mairie connectée <support@mairie-connectee.local> a écrit :\n> Pour 2026-2027, le seuil...");
        thanks.setHeader("In-Reply-To", answer.getMessageID());
        servers.send(thanks);
        await().atMost(WAIT).until(() -> notes(ticket.id()).stream().anyMatch(n -> n.contains("sans la rouvrir")));
        assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);

        MimeMessage notResolved = servers.newMessage(from, "RE: " + answer.getSubject(),
                "Non résolu : notre marché est un marché de travaux, quel seuil ?\n\nLe mar. 3 mars 2026, Support a écrit :\n> Pour 2026-2027...");
        notResolved.setHeader("In-Reply-To", answer.getMessageID());
        notResolved.setHeader("References", answer.getMessageID());
        servers.send(notResolved);

        await().atMost(WAIT).until(() -> tickets.findById(ticket.id()).orElseThrow().status() == TicketStatus.OPEN);
        await().atMost(WAIT).until(() -> servers.repliesTo(from).size() == 2);
        assertThat(body(servers.repliesTo(from).get(1))).contains("rouverte").contains(ticket.reference());
        assertThat(tickets.messages(ticket.id())).filteredOn(m -> m.direction() == MessageDirection.INBOUND).hasSize(2);
    }

    @Test
    void an_out_of_office_never_reopens_nor_gets_an_answer() throws Exception {
        String from = unique("absente");
        servers.send(servers.newMessage(from, "Certificat", "Mon certificat RGS a expiré, impossible de télétransmettre"));
        MimeMessage ack = awaitOneReply(from);
        Ticket ticket = tickets.findByReference(referenceIn(ack.getSubject())).orElseThrow();
        tickets.changeStatus(ticket.id(), TicketStatus.RESOLVED, "agent");

        MimeMessage absence = servers.newMessage(from, "Réponse automatique : " + ack.getSubject(),
                "Je suis absente jusqu'au 5 janvier. Pour toute urgence, contactez la mairie.");
        absence.setHeader("Auto-Submitted", "auto-replied");
        absence.setHeader("In-Reply-To", ack.getMessageID());
        servers.send(absence);

        await().atMost(WAIT).until(() -> notes(ticket.id()).stream().anyMatch(n -> n.contains("absence")));
        assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
        assertAnsweredExactly(from, 1);
    }

    @Test
    void a_persons_subject_that_starts_like_an_absence_notice_is_answered_normally() throws Exception {
        String from = unique("attente");
        servers.send(servers.newMessage(from, "Absence de réponse de la préfecture",
                "Bonjour, notre délibération déposée sur Actes il y a trois semaines n'a toujours pas d'accusé de réception de la préfecture."));

        MimeMessage reply = awaitOneReply(from);
        Ticket ticket = tickets.findByReference(referenceIn(reply.getSubject())).orElseThrow();
        assertThat(ticket.subject()).isEqualTo("Absence de réponse de la préfecture");
    }

    @Test
    void a_mail_automatic_by_its_subject_alone_gets_no_answer_but_opens_a_ticket_for_a_human() throws Exception {
        String from = unique("douteux");
        servers.send(servers.newMessage(from, "Réponse automatique : inscription",
                "Bonjour, je voudrais inscrire deux agents à la formation Actes de mars."));

        await().atMost(WAIT).until(() -> contacts.byEmail(from).map(c -> tickets.ticketsOf(c.id()).size()).orElse(0) == 1);
        Ticket ticket = tickets.ticketsOf(contacts.byEmail(from).orElseThrow().id()).get(0);
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(tickets.messages(ticket.id())).filteredOn(m -> m.direction() == MessageDirection.INBOUND)
                .extracting(TicketMessage::text).anyMatch(t -> t.contains("inscrire deux agents"));
        assertThat(notes(ticket.id())).anyMatch(n -> n.contains("aucune réponse automatique n'a été envoyée"));
        assertThat(outbox.ofTicket(ticket.id())).isEmpty();
        assertAnsweredExactly(from, 0);
    }

    @Test
    void two_different_mails_with_the_same_message_id_are_both_processed_and_the_same_mail_twice_once() throws Exception {
        String from = unique("reutilise");
        String messageId = "reused-" + UUID.randomUUID() + "@client-bogue.fr";
        String first = rawMail(from, messageId, "Actes", "Mon certificat Actes expire demain, que faire ?");
        String second = rawMail(from, messageId, "Marchés", "Notre avis de marché n'apparaît pas sur la plateforme.");
        servers.deliverRaw(first);
        servers.deliverRaw(second);
        servers.deliverRaw(second); // exactly the same mail again

        await().atMost(WAIT).until(() -> servers.repliesTo(from).size() == 2);
        await().atMost(WAIT).until(() -> processed.find(Channel.EMAIL, "mid:" + messageId).isPresent());
        Contact contact = contacts.byEmail(from).orElseThrow();
        List<TicketMessage> stored = tickets.ticketsOf(contact.id()).stream()
                .flatMap(t -> tickets.messages(t.id()).stream())
                .filter(m -> m.direction() == MessageDirection.INBOUND).toList();
        assertThat(stored).extracting(TicketMessage::emailMessageId).containsExactly(messageId, messageId);
        assertThat(stored).extracting(TicketMessage::text).anyMatch(t -> t.contains("certificat"))
                .anyMatch(t -> t.contains("avis de marché"));
        assertAnsweredExactly(from, 2); // the third copy, processed by then, queued no third reply
        assertThat(quarantine.list(QuarantineStatus.QUARANTINED, 0, 100).items())
                .noneMatch(i -> i.reason().contains("déjà enregistré"));
    }

    @Test
    void a_mail_without_sender_is_quarantined_with_that_reason_and_opens_nothing() {
        String subject = "Sans expéditeur " + UUID.randomUUID();
        String raw = rawMail("x@y.fr", null, subject, "Message d'erreur sur Actes : dépôt impossible.")
                .replaceFirst("^From: x@y.fr\r\n", "");
        assertThat(raw).doesNotContain("From:");
        servers.deliverRaw(raw);

        await().atMost(WAIT).until(() -> quarantine.list(QuarantineStatus.QUARANTINED, 0, 500).items().stream()
                .anyMatch(i -> new String(quarantine.raw(i.id()).orElseThrow(), StandardCharsets.UTF_8).contains(subject)));
        QuarantinedItem item = quarantine.list(QuarantineStatus.QUARANTINED, 0, 500).items().stream()
                .filter(i -> new String(quarantine.raw(i.id()).orElseThrow(), StandardCharsets.UTF_8).contains(subject))
                .findFirst().orElseThrow();
        assertThat(item.reason()).isEqualTo("Message sans expéditeur (en-tête From absent ou illisible)");
        assertThat(tickets.search(TicketQuery.all().withText(subject)).total()).isZero();
    }

    @Test
    void a_mail_without_message_id_delivered_twice_is_processed_once() throws Exception {
        String from = unique("sansid");
        String raw = rawMail(from, null, "Formation", "Quand a lieu la prochaine formation Actes ?");
        servers.deliverRaw(raw);
        servers.deliverRaw(raw);

        await().atMost(WAIT).until(() -> servers.repliesTo(from).size() == 1);
        assertAnsweredExactly(from, 1); // the second copy has been read by then
        Contact contact = contacts.byEmail(from).orElseThrow();
        assertThat(tickets.ticketsOf(contact.id())).hasSize(1);
        assertThat(tickets.messages(tickets.ticketsOf(contact.id()).get(0).id()))
                .filteredOn(m -> m.direction() == MessageDirection.INBOUND).singleElement()
                .satisfies(m -> assertThat(m.emailMessageId()).isNull());
        assertThat(servers.repliesTo(from)).hasSize(1);
    }

    @Test
    void a_pdf_attachment_is_stored_with_its_bytes_on_the_ticket_message() throws Exception {
        String from = unique("pj");
        // with the binary comment line real PDFs start with, and a bare LF that a text encoding would alter
        byte[] pdf = ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n" + UUID.randomUUID()
                + "\n\u0000\u00ff\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        MimeMessage mail = servers.newMessage(from, "Délibération refusée", "");
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("Bonjour, Actes refuse cette délibération, voici le fichier.", "UTF-8");
        jakarta.mail.internet.MimeBodyPart file = new jakarta.mail.internet.MimeBodyPart();
        file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(pdf, "application/pdf")));
        file.setFileName("délibération 2026-12.pdf");
        file.setDisposition(jakarta.mail.Part.ATTACHMENT);
        file.setHeader("Content-Transfer-Encoding", "base64");
        mail.setContent(new jakarta.mail.internet.MimeMultipart(text, file));
        servers.send(mail);

        Ticket ticket = tickets.findByReference(referenceIn(awaitOneReply(from).getSubject())).orElseThrow();
        TicketMessage first = tickets.messages(ticket.id()).get(0);
        assertThat(first.direction()).isEqualTo(MessageDirection.INBOUND);
        assertThat(first.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("délibération 2026-12.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.size()).isEqualTo(pdf.length);
            assertThat(a.inline()).isFalse();
            assertThat(tickets.attachment(a.id()).orElseThrow().data()).isEqualTo(pdf);
        });
    }

    @Test
    void a_bounce_marks_the_address_as_failing_and_is_not_answered() {
        String from = unique("inconnue");
        contacts.findOrCreateByEmail(from, "Adresse qui n'existe plus");
        servers.deliverRaw("""
                From: Mail Delivery System <MAILER-DAEMON@mx.example.fr>
                To: support@mairie-connectee.local
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-%s@mx.example.fr>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain; charset=us-ascii

                Your message could not be delivered.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.fr

                Final-Recipient: rfc822; %s
                Action: failed
                Status: 5.1.1
                --b1--
                """.formatted(UUID.randomUUID(), from).replace("\n", "\r\n"));

        await().atMost(WAIT).until(() -> contacts.byEmail(from).map(Contact::emailFailing).orElse(false));
        assertAnsweredExactly("MAILER-DAEMON@mx.example.fr", 0);
    }

    @Test
    void mailing_list_mail_is_ignored() throws Exception {
        String from = unique("lettre");
        MimeMessage newsletter = servers.newMessage(from, "Lettre d'information", "Les actualités du mois : marchés publics, seuils...");
        newsletter.setHeader("List-Unsubscribe", "<mailto:unsubscribe@example.fr>");
        newsletter.setHeader("Precedence", "bulk");
        servers.send(newsletter);

        await().atMost(WAIT).until(() -> processed.find(Channel.EMAIL, "mid:" + newsletter.getMessageID().replaceAll("[<>]", ""))
                .map(r -> r.outcome().startsWith("IGNORED")).orElse(false));
        assertAnsweredExactly(from, 0);
        assertThat(contacts.byEmail(from).map(c -> tickets.ticketsOf(c.id())).orElse(List.of())).isEmpty();
    }

    @Test
    void a_ticket_reference_in_the_subject_threads_only_for_the_requester_or_the_same_commune() throws Exception {
        String requester = unique("requerante");
        servers.send(servers.newMessage(requester, "Partage", "Le lien de partage de fichiers que j'ai envoyé ne fonctionne plus"));
        MimeMessage ack = awaitOneReply(requester);
        Ticket ticket = tickets.findByReference(referenceIn(ack.getSubject())).orElseThrow();

        servers.send(servers.newMessage(requester, "[" + ticket.reference() + "] complément", "Voici le lien : https://exemple.fr/abc"));
        await().atMost(WAIT).until(() -> inbound(ticket.id()) == 2);

        String stranger = unique("inconnu");
        servers.send(servers.newMessage(stranger, "[" + ticket.reference() + "] lien", "Le lien de partage ne fonctionne plus chez moi non plus"));
        MimeMessage strangerAck = awaitOneReply(stranger);
        assertThat(referenceIn(strangerAck.getSubject())).isNotEqualTo(ticket.reference());
        assertThat(inbound(ticket.id())).isEqualTo(2);
    }

    @Test
    void naming_the_tickets_commune_does_not_let_a_new_sender_in_but_a_known_colleague_joins() throws Exception {
        String requester = unique("secretaire-cannessieres");
        servers.send(servers.newMessage(requester, "Partage bloqué",
                "Bonjour, le lien de partage de fichiers que j'ai envoyé au conseil ne fonctionne plus.\n\n"
                        + "Julie Petit\nSecrétaire de mairie de Cannessières"));
        Ticket ticket = tickets.findByReference(referenceIn(awaitOneReply(requester).getSubject())).orElseThrow();
        assertThat(ticket.communeInsee()).isNotNull();
        assertThat(communes.byInsee(ticket.communeInsee()).orElseThrow().name()).isEqualTo("Cannessières");

        String stranger = unique("inconnu-cannessieres");
        servers.send(servers.newMessage(stranger, "[" + ticket.reference() + "] partage",
                "Le lien de partage ne marche pas non plus chez nous.\n\nPaul Martin\nMairie de Cannessières"));
        MimeMessage strangerReply = awaitOneReply(stranger);
        assertThat(referenceIn(strangerReply.getSubject())).isNotEqualTo(ticket.reference());
        assertThat(inbound(ticket.id())).isEqualTo(1);

        String colleague = unique("adjointe-cannessieres");
        Contact known = contacts.findOrCreateByEmail(colleague, "Adjointe");
        contacts.assignCommune(known.id(), ticket.communeInsee(), "agent");
        servers.send(servers.newMessage(colleague, "[" + ticket.reference() + "] complément",
                "Voici le lien qui ne fonctionne pas : https://partage.exemple.fr/abc"));
        await().atMost(WAIT).until(() -> inbound(ticket.id()) == 2);
        assertThat(tickets.messages(ticket.id())).filteredOn(m -> m.direction() == MessageDirection.INBOUND)
                .extracting(TicketMessage::authorContactId).contains(known.id());
    }

    @Test
    void a_mail_whose_savepoint_waited_too_long_for_a_lock_is_handled_on_a_new_try_not_quarantined() throws Exception {
        String earlier = unique("compteur");
        servers.send(servers.newMessage(earlier, "Panne", "Bonjour, la plateforme Actes refuse nos dépôts depuis ce matin"));
        awaitOneReply(earlier); // the year's reference counters exist
        String from = unique("verrou");
        String subject = "Certificat expiré " + UUID.randomUUID();
        try (Connection other = dataSource.getConnection()) {
            // another transaction (a Telegram message, another instance) holds the reference counters longer than
            // H2's lock wait (2 s) after the mail's savepoint started waiting, so its first try fails (on PostgreSQL,
            // which waits as long as it takes, the test only shows the mail is handled)
            other.setAutoCommit(false);
            other.createStatement().executeQuery("SELECT * FROM reference_counters FOR UPDATE").close();
            servers.send(servers.newMessage(from, subject, "Bonjour, le certificat RGS du maire a expiré, on ne peut plus signer"));
            await().atMost(WAIT).until(() -> TestDatabases.aSessionWaitsForALock(other));
            Thread.sleep(2_300);
            other.commit();
        }
        awaitOneReply(from);
        assertThat(tickets.search(TicketQuery.all().withText(subject)).total()).isEqualTo(1);
        assertThat(quarantine.list(QuarantineStatus.QUARANTINED, 0, 500).items().stream()
                .map(i -> new String(quarantine.raw(i.id()).orElseThrow(), StandardCharsets.UTF_8)))
                .noneMatch(raw -> raw.contains(from));
    }

    @Test
    void a_mail_whose_savepoint_waits_too_long_three_times_in_a_row_is_quarantined_with_that_reason() throws Exception {
        String earlier = unique("compteur");
        servers.send(servers.newMessage(earlier, "Panne", "Bonjour, la plateforme Actes refuse nos dépôts depuis ce matin"));
        awaitOneReply(earlier);
        String from = unique("verrou-long");
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            other.createStatement().executeQuery("SELECT * FROM reference_counters FOR UPDATE").close();
            servers.send(servers.newMessage(from, "Signature", "Bonjour, le parapheur refuse la signature du maire"));
            await().atMost(WAIT).until(() -> TestDatabases.aSessionWaitsForALock(other));
            if (!other.getMetaData().getDatabaseProductName().contains("H2")) {
                other.rollback();
                return; // PostgreSQL waits as long as it takes: no passing failure to count there
            }
            // three tries of H2's 2 s lock wait each
            await().atMost(WAIT).until(() -> quarantine.list(QuarantineStatus.QUARANTINED, 0, 500).items().stream()
                    .anyMatch(i -> new String(quarantine.raw(i.id()).orElseThrow(), StandardCharsets.UTF_8).contains(from)));
            other.rollback();
        }
        QuarantinedItem item = quarantine.list(QuarantineStatus.QUARANTINED, 0, 500).items().stream()
                .filter(i -> new String(quarantine.raw(i.id()).orElseThrow(), StandardCharsets.UTF_8).contains(from))
                .findFirst().orElseThrow();
        assertThat(item.reason()).contains("momentanément indisponible");
        assertThat(servers.repliesTo(from)).isEmpty();
    }

    @Test
    void an_unparseable_message_is_quarantined_with_its_reason_and_the_next_one_still_processed() throws Exception {
        long before = quarantine.count(QuarantineStatus.QUARANTINED);
        servers.deliverRaw(new byte[]{0, 1, 2, 3, 0, 0, 7, 8, 0, 12, 0, 14, 15, 0, 0, 1});
        String from = unique("apres");
        servers.send(servers.newMessage(from, "Horaires", "Quels sont vos horaires d'ouverture ?"));

        awaitOneReply(from);
        await().atMost(WAIT).until(() -> quarantine.count(QuarantineStatus.QUARANTINED) == before + 1);
        QuarantinedItem item = quarantine.list(QuarantineStatus.QUARANTINED, 0, 1).items().get(0);
        assertThat(item.reason()).startsWith("Message illisible");
        assertThat(quarantine.raw(item.id())).isPresent();
    }

    @Test
    void an_smtp_outage_delays_replies_loses_none_and_shows_in_the_health() throws Exception {
        List<String> senders = List.of(unique("patiente"), unique("patient"), unique("patiente-encore"));
        servers.stopRelay();
        try {
            for (String from : senders) {
                servers.send(servers.newMessage(from, "Horaires", "Jusqu'à quelle heure êtes-vous joignables le vendredi ?"));
            }
            await().atMost(WAIT).until(() -> senders.stream().allMatch(this::pendingWithError));
            assertThat(health.health().getStatus().getCode()).as("retrying replies").isEqualTo("DEGRADED");
            assertThat(health.healthForPath("mail").getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat(health.healthForPath("outbox").getStatus().getCode()).isEqualTo("DEGRADED");
        } finally {
            servers.restartRelay();
        }
        // every queued reply goes out, once, to its own sender once the server is back
        await().atMost(WAIT).until(() -> senders.stream().allMatch(s -> servers.repliesTo(s).size() == 1));
        await().atMost(WAIT).until(() -> !"DEGRADED".equals(health.healthForPath("mail").getStatus().getCode()));
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> outbox.backlog(Channel.EMAIL) == 0);
        assertThat(senders).allSatisfy(s -> assertThat(servers.repliesTo(s)).hasSize(1));
    }

    @Test
    void a_mail_forged_from_our_own_address_is_quarantined_and_never_answered() throws Exception {
        String subject = "Facture " + UUID.randomUUID();
        long before = quarantine.count(QuarantineStatus.QUARANTINED);
        servers.deliverRaw(rawMail("Support <support@mairie-connectee.local>", UUID.randomUUID() + "@ailleurs.example",
                subject, "Veuillez régler la facture ci-jointe."));
        await().atMost(WAIT).until(() -> quarantine.count(QuarantineStatus.QUARANTINED) == before + 1);
        assertThat(quarantine.list(QuarantineStatus.QUARANTINED, 0, 1).items().get(0).reason())
                .contains("probablement usurpé");
        assertThat(contacts.byEmail("support@mairie-connectee.local").map(c -> tickets.ticketsOf(c.id())).orElse(List.of()))
                .isEmpty();
        assertAnsweredExactly("support@mairie-connectee.local", 0);
    }

    @Test
    void an_encoded_display_name_with_angle_brackets_stays_a_name_and_bidi_controls_leave_attachment_names()
            throws Exception {
        String from = unique("chevrons");
        String name = "=?UTF-8?B?" + Base64.getEncoder().encodeToString("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)) + "?=";
        String file = "=?UTF-8?B?" + Base64.getEncoder().encodeToString("facture\u202Efdp.exe".getBytes(StandardCharsets.UTF_8)) + "?=";
        servers.deliverRaw(("From: " + name + " <" + from + ">\nTo: support@mairie-connectee.local\nSubject: Actes\n"
                + "Message-ID: <" + UUID.randomUUID() + "@mairie.fr>\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n"
                + "Le dépôt sur Actes échoue avec une erreur.\n--b\nContent-Type: application/octet-stream\n"
                + "Content-Disposition: attachment; filename=\"" + file + "\"\nContent-Transfer-Encoding: base64\n\n"
                + "TVo=\n--b--\n").replace("\n", "\r\n"));

        awaitOneReply(from);
        Contact contact = contacts.byEmail(from).orElseThrow();
        assertThat(contact.displayName()).isEqualTo("<script>alert(1)</script>");
        TicketMessage inbound = tickets.messages(tickets.ticketsOf(contact.id()).get(0).id()).stream()
                .filter(m -> m.direction() == MessageDirection.INBOUND).findFirst().orElseThrow();
        assertThat(inbound.attachments()).extracting(AttachmentInfo::filename).containsExactly("facturefdp.exe");
    }

    @Test
    void automatic_replies_to_one_address_are_limited_to_stop_mail_loops() {
        String from = unique("boucle");
        for (int i = 0; i < 5; i++) {
            servers.send(servers.newMessage(from, "Question " + i, "Quel certificat faut-il pour télétransmettre sur Actes ? (" + i + ")"));
        }
        await().atMost(WAIT).until(() -> contacts.byEmail(from).map(c -> tickets.ticketsOf(c.id()).size()).orElse(0) == 5);
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> servers.repliesTo(from).size() == 3);
        Contact contact = contacts.byEmail(from).orElseThrow();
        assertThat(tickets.ticketsOf(contact.id())).filteredOn(t -> notes(t.id()).stream().anyMatch(n -> n.contains("non envoyée")))
                .hasSize(2);
    }

    // --- helpers ---

    private boolean pendingWithError(String recipient) {
        return contacts.byEmail(recipient).map(c -> tickets.ticketsOf(c.id())).orElse(List.of()).stream()
                .flatMap(t -> outbox.ofTicket(t.id()).stream())
                .anyMatch(m -> m.status() == OutboxStatus.PENDING && m.attempts() >= 1 && m.lastError() != null);
    }

    private String notesOf(String subscriptionReference) {
        String notes = subscriptions.byReference(subscriptionReference).orElseThrow().staffNotes();
        return notes == null ? "" : notes;
    }

    private long inbound(long ticketId) {
        return tickets.messages(ticketId).stream().filter(m -> m.direction() == MessageDirection.INBOUND).count();
    }

    private List<String> notes(long ticketId) {
        return tickets.messages(ticketId).stream().filter(m -> m.direction() == MessageDirection.NOTE)
                .map(TicketMessage::text).toList();
    }

    /**
     * Exactly {@code replies} messages were queued for this address (every reply goes through the outbox) and reached
     * it, checked once a mail sent afterwards was answered: the mailbox is read in order and the outbox sends the
     * oldest first, so a wrong reply to an earlier mail would have been queued and sent by then.
     */
    private void assertAnsweredExactly(String address, int replies) {
        String witness = unique("temoin");
        servers.send(servers.newMessage(witness, "Horaires", "Quels sont vos horaires d'ouverture ?"));
        awaitOneReply(witness);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").params(address.toLowerCase())
                .query(Long.class).single()).as("messages queued for " + address).isEqualTo(replies);
        assertThat(servers.repliesTo(address)).hasSize(replies);
    }

    private MimeMessage awaitOneReply(String address) {
        await().atMost(WAIT).until(() -> servers.repliesTo(address).size() == 1);
        return servers.repliesTo(address).get(0);
    }

    private static String subscriptionReferenceIn(String subject) {
        return subject.replaceAll(".*\\[(DA-\\d{4}-\\d{5})].*", "$1");
    }

    /** A membership request for Actes from a secretary of Cannessières (fewer than 2,000 inhabitants). */
    private void askToJoin(String from) throws MessagingException {
        servers.send(servers.newMessage(from, "Adhésion",
                "Bonjour, nous souhaitons adhérer à Mairie connectée pour Actes.\n\nCordialement,\n"
                        + "Julie Petit\nSecrétaire de mairie de Cannessières"));
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, null);
    }

    private static String rawMail(String from, String messageId, String subject, String body) {
        return ("From: " + from + "\nTo: support@mairie-connectee.local\nSubject: " + subject
                + "\nDate: Mon, 2 Mar 2026 10:00:00 +0100\n" + (messageId == null ? "" : "Message-ID: <" + messageId + ">\n")
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                + body + "\n").replace("\n", "\r\n");
    }
}
