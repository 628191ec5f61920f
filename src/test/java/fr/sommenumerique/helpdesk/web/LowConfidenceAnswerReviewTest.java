package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.assistant.DecisionEngine;
import fr.sommenumerique.helpdesk.assistant.DecisionKind;
import fr.sommenumerique.helpdesk.assistant.EvaluationSet;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * « An automatic answer below a set confidence leaves the ticket open for review », end to end: a real mail in the
 * GreenMail support mailbox, read over IMAP by the application, answered by the real assistant below its review
 * threshold; the reply goes out, the ticket stays open with a note saying why, and the answer is listed on the
 * review page. The question is the first of our evaluation set that the real engine answers below the threshold,
 * so the test follows the knowledge base instead of a sentence tuned to it.
 */
class LowConfidenceAnswerReviewTest extends WebTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    DecisionEngine engine;
    @Autowired
    Contacts contacts;
    @Autowired
    Tickets tickets;

    @Test
    void a_mail_answered_below_the_review_threshold_keeps_its_ticket_open_and_is_listed_for_review() throws Exception {
        String question = lowConfidenceAnswer();
        String from = unique("verification");

        deliver(from, "Question", question);

        Ticket ticket = await().atMost(WAIT).until(() -> contacts.byEmail(from)
                .map(c -> tickets.ticketsOf(c.id())).filter(t -> !t.isEmpty()).map(t -> t.get(0)).orElse(null),
                t -> t != null && tickets.messages(t.id()).stream().anyMatch(m -> m.direction() == MessageDirection.OUTBOUND));
        assertThat(tickets.findById(ticket.id()).orElseThrow().status())
                .as("an answer below the review threshold does not resolve its ticket").isEqualTo(TicketStatus.NEW);
        assertThat(tickets.messages(ticket.id())).anySatisfy(m -> {
            assertThat(m.direction()).isEqualTo(MessageDirection.NOTE);
            assertThat(m.text()).contains("sous le seuil de vérification").contains("le ticket reste ouvert");
        });

        String page = mvc.perform(get("/assistant/revue").with(user(newAgent("revue-seuil").username()).roles("AGENT")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document document = Jsoup.parse(page);
        assertThat(document.select(".review-item").eachText())
                .as("the answer is listed on the review page, with its ticket, not yet checked")
                .anySatisfy(item -> assertThat(item).contains(firstWords(question)).contains(ticket.reference())
                        .contains("à vérifier"));
    }

    /** The first question of our evaluation set that the engine answers with a confidence below the review threshold. */
    private String lowConfidenceAnswer() throws IOException {
        List<String> questions = EvaluationSet.read(Path.of("knowledge-base/eval/questions-kb.tsv")).cases().stream()
                .map(EvaluationSet.Case::question).toList();
        for (String question : questions) {
            Decision decision = engine.decide(question);
            if (decision.kind() == DecisionKind.ANSWER && engine.needsReview(decision)) {
                return question;
            }
        }
        throw new AssertionError("no question of questions-kb.tsv is answered below the review threshold");
    }

    private static String firstWords(String question) {
        String words = question.strip();
        return words.length() <= 30 ? words : words.substring(0, 30);
    }

    private static void deliver(String from, String subject, String body) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, WebTestMail.SUPPORT);
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            WebTestMail.server().getUserManager().getUserByEmail(WebTestMail.SUPPORT).deliver(message);
        } catch (MessagingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
