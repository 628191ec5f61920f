package fr.sommenumerique.helpdesk.mail;

import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.ProcessedInbound;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static fr.sommenumerique.helpdesk.mail.MailTestServers.body;
import static fr.sommenumerique.helpdesk.mail.MailTestServers.referenceIn;
import static fr.sommenumerique.helpdesk.mail.MailTestServers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9's conversation rules that apply to mail, through real SMTP and IMAP servers: a precision in a reply
 * completes the ticket it answers (commune set, no reopening), a mail that only greets opens nothing, a thank-you on
 * an answered thread is a note.
 */
@SpringBootTest
@ActiveProfiles("test")
class MailConversationRulesTest {

    private static final MailTestServers servers = new MailTestServers();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long NOTHING_SENT_WAIT_MS = 1200;
    private static final String QUOTE_ATTRIBUTION = "Le 5 déc. 2026 à 10:02, L'assistance Mairie connectée a écrit :\n";

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
    ProcessedInbound processed;

    @Test
    void a_precision_in_a_reply_sets_the_commune_of_the_answered_ticket_without_reopening_it() throws Exception {
        String address = unique("secretaire");
        MimeMessage answer = answeredQuestion(address);
        Ticket ticket = ticketOf(answer);

        reply(address, answer, "Précision : c'est pour la commune de Hornoy-le-Bourg.\n\nCordialement\n\n"
                + QUOTE_ATTRIBUTION + "> Bonjour,\n> Combien de temps le préfet a-t-il pour déférer une délibération ?");

        await().atMost(WAIT).until(() -> servers.repliesTo(address).size() >= 2);
        assertThat(body(servers.repliesTo(address).get(1))).contains("Précision ajoutée", ticket.reference(),
                "commune : Hornoy-le-Bourg").doesNotContain("rouverte");
        Ticket after = tickets.findById(ticket.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(after.communeInsee()).isEqualTo("80443");
        assertThat(contacts.byEmail(address).orElseThrow().communeInsee()).isEqualTo("80443");
        assertThat(tickets.messages(ticket.id())).filteredOn(m -> m.direction() == MessageDirection.NOTE)
                .extracting(TicketMessage::text).anyMatch(n -> n.contains("c'est pour la commune de Hornoy-le-Bourg"));
        assertThat(tickets.messages(ticket.id())).filteredOn(m -> m.direction() == MessageDirection.INBOUND).hasSize(1);
        assertThat(tickets.ticketsOf(contacts.byEmail(address).orElseThrow().id())).hasSize(1);
    }

    @Test
    void a_thank_you_on_an_answered_thread_is_a_note_and_nothing_is_sent() throws Exception {
        String address = unique("mairie");
        MimeMessage answer = answeredQuestion(address);
        Ticket ticket = ticketOf(answer);

        String id = reply(address, answer, "Merci beaucoup !\n\n" + QUOTE_ATTRIBUTION + "> Bonjour,");

        awaitProcessed(id);
        Thread.sleep(NOTHING_SENT_WAIT_MS);
        assertThat(servers.repliesTo(address)).hasSize(1);
        assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(tickets.messages(ticket.id())).anyMatch(m -> m.direction() == MessageDirection.NOTE
                && m.text().contains("Merci beaucoup"));
    }

    @Test
    void a_mail_that_only_greets_opens_nothing_and_the_next_mail_is_answered_as_the_first() throws Exception {
        String address = unique("accueil");
        MimeMessage hello = servers.newMessage(address, "Bonjour", "Bonjour,\n\nCordialement");
        servers.send(hello);

        await().atMost(WAIT).until(() -> servers.repliesTo(address).size() >= 1);
        assertThat(body(servers.repliesTo(address).get(0))).contains("Posez-moi votre question");
        assertThat(contacts.byEmail(address).map(c -> tickets.ticketsOf(c.id())).orElse(List.of())).isEmpty();

        servers.send(servers.newMessage(address, "Question délai préfet",
                "Bonjour,\n\nCombien de temps le préfet a-t-il pour déférer une délibération au tribunal ?"));
        await().atMost(WAIT).until(() -> servers.repliesTo(address).size() >= 2);
        Ticket answered = ticketOf(servers.repliesTo(address).get(1));
        assertThat(answered.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(tickets.ticketsOf(contacts.byEmail(address).orElseThrow().id())).hasSize(1);
    }

    @Test
    void a_greeting_whose_subject_holds_the_question_is_not_a_mere_greeting() {
        String address = unique("greffe");
        servers.send(servers.newMessage(address, "Certificat RGS expiré, impossible de télétransmettre sur Actes",
                "Bonjour"));

        await().atMost(WAIT).until(() -> contacts.byEmail(address).map(c -> tickets.ticketsOf(c.id()).size()).orElse(0) == 1);
        await().atMost(WAIT).until(() -> servers.repliesTo(address).size() >= 1);
        assertThat(body(servers.repliesTo(address).get(0))).doesNotContain("Posez-moi votre question");
    }

    // ------------------------------------------------------------------ helpers

    /** A question the assistant answers (its ticket resolved); returns our answer. */
    private MimeMessage answeredQuestion(String address) {
        servers.send(servers.newMessage(address, "Question délai préfet",
                "Bonjour,\n\nCombien de temps le préfet a-t-il pour déférer une délibération au tribunal ?"));
        await().atMost(WAIT).until(() -> servers.repliesTo(address).size() >= 1);
        MimeMessage answer = servers.repliesTo(address).get(0);
        assertThat(ticketOf(answer).status()).isEqualTo(TicketStatus.RESOLVED);
        return answer;
    }

    /** Replies to our message, as a mail client does (In-Reply-To, References, « RE: »); returns its Message-ID. */
    private String reply(String from, MimeMessage ours, String text) throws MessagingException {
        String id = "reponse-" + UUID.randomUUID() + "@mairie.test";
        // Transport.send saves the message again: the Message-ID is set where JavaMail would pick its own
        MimeMessage reply = new MimeMessage(servers.newMessage(from, "RE: " + ours.getSubject(), text)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + id + ">");
            }
        };
        reply.setHeader("In-Reply-To", ours.getMessageID());
        reply.setHeader("References", ours.getMessageID());
        servers.send(reply);
        return id;
    }

    private void awaitProcessed(String messageId) {
        await().atMost(WAIT).until(() -> processed.find(Channel.EMAIL, "mid:" + messageId)
                .map(r -> !r.outcome().equals("en cours")).orElse(false));
    }

    private Ticket ticketOf(MimeMessage ours) {
        try {
            return tickets.findByReference(referenceIn(ours.getSubject())).orElseThrow();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
