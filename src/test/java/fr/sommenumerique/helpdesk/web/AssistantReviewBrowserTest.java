package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The staff's review of automatic answers, in headless Chromium at 1,280 and 390 px with axe-core: the answer is listed to check,
 * the ticket page shows the assistant's decision, a wrong answer corrected with the right intent is added to the
 * intent corpus and to the corrections evaluation file of the knowledge base (taken back after the test), and the
 * dashboard shows the share of answers confirmed right. It shares the other web tests' application context.
 */
class AssistantReviewBrowserTest extends WebTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The application's knowledge base: the correction is written there, then taken back after the test. */
    private static final Path KNOWLEDGE = Path.of("knowledge-base");
    private static final Path CORPUS = KNOWLEDGE.resolve("intentions/hors-sujet.txt");
    private static final Path CORRECTIONS = KNOWLEDGE.resolve("eval/questions-corrections.tsv");
    private static Browser browser;
    private String corpusBefore;

    @Autowired
    Tickets tickets;
    @Autowired
    KnowledgeBase knowledgeBase;

    @BeforeAll
    static void startBrowser() {
        if (!Browser.available()) {
            fail("Chromium introuvable : installez les paquets Debian chromium et chromium-driver (.ci/run le fait)");
        }
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void keepTheCorpus() throws IOException {
        assertThat(CORRECTIONS).as("no corrections file in the repository's knowledge base").doesNotExist();
        corpusBefore = Files.readString(CORPUS, StandardCharsets.UTF_8);
    }

    @AfterEach
    void takeTheCorrectionBack() throws IOException {
        Files.writeString(CORPUS, corpusBefore, StandardCharsets.UTF_8);
        Files.deleteIfExists(CORRECTIONS);
        knowledgeBase.reload();
    }

    @Test
    void staff_check_an_automatic_answer_correct_it_and_the_assistant_learns_from_the_correction() throws IOException {
        HandlingResult answered = email(unique("revue"), "Horaires", "Bonjour, quels sont vos horaires d'ouverture ? Merci");
        assertThat(answered.outcome()).isEqualTo(HandlingResult.Outcome.ANSWERED);
        Ticket ticket = tickets.findById(answered.ticketId()).orElseThrow();

        WebDriver driver = signIn(newAgent("revue"));
        for (int width : new int[]{1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            driver.get(url("/assistant/revue"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Réponses automatiques à vérifier");
            assertThat(driver.findElement(By.id("reponse-" + interactionOf(driver))).getText())
                    .contains("quels sont vos horaires").contains("à vérifier");
            assertThat(AccessibilityTest.check("/assistant/revue", Jsoup.parse(driver.getPageSource()))).isEmpty();
            assertThat(browser.pageProblems("/assistant/revue à " + width + " px", "assistant-review-" + width)).isEmpty();
        }
        driver.manage().window().setSize(new Dimension(1280, 900));

        driver.get(url("/tickets/" + ticket.id()));
        assertThat(driver.findElement(By.cssSelector(".decision-panel")).getText())
                .contains("Décision de l'assistant").contains("question").contains("Horaires d'ouverture");

        driver.get(url("/assistant/revue"));
        long id = interactionOf(driver);
        driver.findElement(By.id("fausse-" + id)).click();
        new Select(driver.findElement(By.id("intention-" + id))).selectByValue("hors-sujet");
        driver.findElement(By.cssSelector("#reponse-" + id + " button[type=submit]")).click();
        String notice = Browser.waitFor(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice"))).getText();
        assertThat(notice).contains("la correction est ajoutée");
        assertThat(driver.findElement(By.id("reponse-" + id)).getText()).contains("vérifiée : Fausse, intention hors-sujet");

        assertThat(Files.readString(CORPUS, StandardCharsets.UTF_8))
                .isEqualTo(corpusBefore + "Bonjour, quels sont vos horaires d'ouverture ? Merci\n");
        assertThat(Files.readAllLines(CORRECTIONS, StandardCharsets.UTF_8))
                .containsExactly("question\texpected\tmust_contain\tmust_not_contain",
                        "Bonjour, quels sont vos horaires d'ouverture ? Merci\tout_of_scope\t\t");

        driver.get(url("/tableau-de-bord"));
        assertThat(driver.findElement(By.cssSelector(".assistant-share")).getText())
                .containsPattern("\\d+ % confirmées justes").containsPattern("sur [1-9]\\d* vérifiées");
    }

    private WebDriver signIn(StaffUser agent) {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(url("/connexion"));
        driver.findElement(By.id("identifiant")).sendKeys(agent.username());
        driver.findElement(By.id("motdepasse")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.waitFor(driver, WAIT).until(ExpectedConditions.urlContains("/tickets"));
        return driver;
    }

    /** The id of the first automatic answer listed. */
    private static long interactionOf(WebDriver driver) {
        String id = driver.findElement(By.cssSelector(".review-item")).getAttribute("id");
        return Long.parseLong(id.substring("reponse-".length()));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
