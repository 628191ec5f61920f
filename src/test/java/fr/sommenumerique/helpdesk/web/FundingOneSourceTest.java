package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.knowledge.Funding;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The European funding rule (communes under 2 000 inhabitants, 80 % through REACT-EU, closed at the end of 2023) is
 * written once, in the knowledge base's article: the reply mailed to a commune, the staff pages and the chat
 * (TelegramSubscriptionFlowTest) quote it from there, none promises the 80 % today, and no Java class or template
 * writes the rule a second time.
 */
class FundingOneSourceTest extends WebTestBase {

    /** A sentence that names the 80 % must say it is past or not guaranteed. */
    private static final Pattern EIGHTY = Pattern.compile("[^.\\n]*80\\s?%[^.\\n]*");
    /** The rule's figures and programme, as code or a template would write them. */
    private static final Pattern RULE_IN_CODE = Pattern.compile(
            "REACT|2[  ]?000 hab|moins de 2[  ]?000|(?i:subvention|financ|prise en charge)[^\"]{0,60}80\\s?%");

    @Autowired
    KnowledgeBase knowledgeBase;

    @Test
    void the_mail_reply_and_the_staff_pages_quote_the_funding_article_and_promise_nothing() throws Exception {
        Funding funding = knowledgeBase.funding().orElseThrow();
        assertThat(funding.populationLimit()).isEqualTo(2000);
        assertThat(funding.summary()).contains("Communes visées : moins de 2 000 habitants")
                .contains("REACT-EU s'est clôturé fin 2023");
        assertNoPromise(funding.summary());

        String from = unique("adhesion");
        HandlingResult recorded = email(from, "Adhésion", "Bonjour, notre commune (87 habitants) souhaite adhérer à "
                + "Mairie connectée pour la télétransmission des actes. Cordialement, la secrétaire de mairie");
        assertThat(recorded.outcome()).isEqualTo(HandlingResult.Outcome.SUBSCRIPTION_RECORDED);
        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> WebTestMail.to(from).stream().findFirst().orElse(null), m -> m != null);
        String reply = WebTestMail.body(mail).replaceAll("\\s+", " ");
        assertThat(reply).contains("Avec 87 habitants, votre commune compte moins de 2 000 habitants.")
                .contains(funding.summary().replaceAll("\\s+", " "));
        assertNoPromise(reply);

        var agent = user(newAgent("financement").username()).roles("AGENT");
        String requestPage = text(mvc.perform(get("/demandes/" + recorded.subscriptionId()).with(agent))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(requestPage).contains(funding.summary().replaceAll("\\s+", " "));
        assertNoPromise(requestPage);

        String communePage = text(mvc.perform(get("/communes/80829").with(agent)) // Y, 87 inhabitants
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(communePage).contains("éligible (moins de 2 000 habitants)");
        assertNoPromise(communePage);
    }

    @Test
    void no_class_or_template_writes_the_rule_a_second_time() throws IOException {
        List<String> found;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("src/main/resources/templates")))) {
            found = files.filter(Files::isRegularFile).flatMap(FundingOneSourceTest::ruleLines).toList();
        }
        assertThat(found).as("the funding rule is read from the knowledge base's article " + Funding.ARTICLE).isEmpty();
    }

    private static Stream<String> ruleLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> RULE_IN_CODE.matcher(line).find())
                    .filter(line -> !line.strip().startsWith("*") && !line.strip().startsWith("/*") && !line.strip().startsWith("//")) // comments
                    .map(line -> file + ": " + line.strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertNoPromise(String text) {
        var sentences = EIGHTY.matcher(text).results().map(r -> r.group()).toList();
        assertThat(sentences).allSatisfy(s -> assertThat(s)
                .as("a sentence naming the 80 %% must not promise it today: %s", s)
                .containsAnyOf("pas vous garantir", "a bénéficié", "Financement européen de 80 % (REACT-EU, FEDER)"));
    }

    private static String text(String html) {
        return Jsoup.parse(html).text().replaceAll("\\s+", " ");
    }
}
