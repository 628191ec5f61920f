package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.web.account.NewStaffMember;
import fr.sommenumerique.helpdesk.web.account.StaffRole;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The scripted triage run: 50 fresh tickets, as a morning's mail brings them, triaged in Chromium by an agent at the
 * keyboard (no mouse): 20 answered and resolved, 20 handed to a colleague, 10 closed as duplicates. It counts the
 * page loads and the keystrokes it took, prints them and writes them to {@code target/triage-run.txt}; the README
 * keeps the figures before and after the workspace was reworked.
 */
class TriageRunTest extends WebTestBase {

    static final String REPLY = "Bonjour, le dépôt fonctionne de nouveau, vous pouvez réessayer.";

    private static Browser browser;

    @Autowired
    Tickets tickets;

    @BeforeAll
    static void startBrowser() {
        if (!Browser.available()) {
            fail("Chromium introuvable : lancez ./test.sh, qui installe chromium et chromium-driver");
        }
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    enum Treatment { ANSWER, ASSIGN, CLOSE }

    @Test
    void fifty_fresh_tickets_triaged_at_the_keyboard() throws IOException {
        String tag = "tri" + UUID.randomUUID().toString().substring(0, 6);
        StaffUser agent = newAgent("triage");
        StaffUser colleague = accounts.createWithPassword(new NewStaffMember("bvasseur-" + tag, "Bruno Vasseur " + tag,
                null, StaffRole.AGENT), PASSWORD, false, "test");
        Map<String, Treatment> plan = new LinkedHashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            Treatment treatment = i % 5 == 4 ? Treatment.CLOSE : i % 5 % 2 == 0 ? Treatment.ANSWER : Treatment.ASSIGN;
            HandlingResult r = switch (treatment) {
                case ANSWER -> email(unique("actes"), "Dépôt refusé sur Actes " + tag + " " + i,
                        "Bonjour,\n\nMessage d'erreur « fichier non conforme » quand je dépose ma délibération sur Actes.");
                case ASSIGN -> email(unique("marches"), "Plateforme marchés " + tag + " " + i,
                        "Je n'arrive plus à me connecter à la plateforme marchés, mot de passe refusé.");
                case CLOSE -> email(unique("certificat"), "Certificat expiré " + tag + " " + i,
                        "Mon certificat a expiré ce matin, impossible de télétransmettre sur Actes !");
            };
            assertThat(r.outcome()).isEqualTo(HandlingResult.Outcome.TICKET_OPENED);
            Ticket t = tickets.findById(r.ticketId()).orElseThrow();
            plan.put(t.reference(), treatment);
            ids.put(t.reference(), t.id());
        }
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        signIn(driver, agent);

        long started = System.nanoTime();
        KeyboardSession agentAtKeyboard = new KeyboardSession(driver);
        triage(agentAtKeyboard, driver, tag, plan, colleague);
        double seconds = (System.nanoTime() - started) / 1e9;

        for (Map.Entry<String, Treatment> e : plan.entrySet()) {
            Ticket t = tickets.findById(ids.get(e.getKey())).orElseThrow();
            switch (e.getValue()) {
                case ANSWER -> {
                    assertThat(t.status()).as(t.reference()).isEqualTo(TicketStatus.RESOLVED);
                    List<TicketMessage> messages = tickets.messages(t.id());
                    assertThat(messages).as(t.reference()).anyMatch(m -> !m.automatic()
                            && m.author().equals(agent.username()) && m.text().contains(REPLY));
                }
                case ASSIGN -> assertThat(t.assignee()).as(t.reference()).isEqualTo(colleague.username());
                case CLOSE -> assertThat(t.status()).as(t.reference()).isEqualTo(TicketStatus.CLOSED);
            }
        }
        assertThat(agentAtKeyboard.pageLoads()).as("page loads").isLessThan(40);
        String figures = String.format(java.util.Locale.ROOT,
                "Triage run: 50 tickets (20 answered, 20 assigned, 10 closed): %d page loads, %d keystrokes "
                        + "(%d navigation and command keys, %d characters of reply text), %.1f s%n",
                agentAtKeyboard.pageLoads(), agentAtKeyboard.keystrokes(), agentAtKeyboard.commandKeys(),
                agentAtKeyboard.textCharacters(), seconds);
        System.out.print(figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "triage-run.txt"), figures);
    }

    /**
     * Today's workspace: search, tick all, one bulk change for the colleague's tickets and one for the duplicates;
     * then each answer from the reply box, which moves on to the next ticket of the list once it is sent. (The run on
     * the pages before the rework, one form and one page load per change and back to the queue after each ticket,
     * is in this file's history: 200 page loads, 7,346 keystrokes.)
     */
    private void triage(KeyboardSession k, WebDriver driver, String tag, Map<String, Treatment> plan,
                        StaffUser colleague) {
        k.open(url("/tickets"));

        searchWithSlash(k, "marches " + tag, 20);
        tickAllRows(k, driver);
        k.key("b");
        k.chooseByTyping(driver.findElement(By.id("bulk-assignee")), colleague.username(), colleague.displayName());
        k.tabTo(By.id("bulk-apply"));
        k.keyLoadingPage(Keys.ENTER);
        assertThat(driver.findElement(By.cssSelector(".notice-success")).getText()).isEqualTo("20 tickets modifiés.");

        searchWithSlash(k, "certificat " + tag, 10);
        tickAllRows(k, driver);
        k.key("b");
        k.choose(driver.findElement(By.id("bulk-status")), "CLOSED");
        k.tabTo(By.id("bulk-apply"));
        k.keyLoadingPage(Keys.ENTER);
        assertThat(driver.findElement(By.cssSelector(".notice-success")).getText()).isEqualTo("10 tickets modifiés.");

        searchWithSlash(k, "depot " + tag, 20);
        k.keyInPlace("j", d -> d.switchTo().activeElement().getAttribute("class").contains("ticket-link"));
        k.keyLoadingPage(Keys.ENTER);
        for (int i = 0; i < 20; i++) {
            String reference = driver.findElement(By.cssSelector("h1 span")).getText();
            assertThat(plan.get(reference)).as(reference).isEqualTo(Treatment.ANSWER);
            k.keyInPlace("r", d -> "reply-text".equals(d.switchTo().activeElement().getAttribute("id")));
            k.type(REPLY);
            k.choose(driver.findElement(By.id("statusAfter")), "RESOLVED");
            k.tabTo(By.id("send-button"));
            k.keyLoadingPage(Keys.ENTER);
            assertThat(driver.findElement(By.cssSelector(".notice-success")).getText())
                    .startsWith(i < 19 ? "Réponse envoyée sur " + reference : "Réponse envoyée");
        }
    }

    private void searchWithSlash(KeyboardSession k, String words, int expected) {
        k.keyInPlace("/", d -> "q".equals(d.switchTo().activeElement().getAttribute("id")));
        k.type(words);
        k.keyLoadingPage(Keys.ENTER);
        assertThat(browser.driver().findElements(By.cssSelector("table.queue tbody tr"))).hasSize(expected);
    }

    /** Skip link, then the first thing in the list: « tout sélectionner ». */
    private static void tickAllRows(KeyboardSession k, WebDriver driver) {
        k.tabTo(By.cssSelector("a.skip-link"));
        k.key(Keys.ENTER);
        k.tabTo(By.id("select-all"));
        k.keyInPlace(Keys.SPACE, d -> d.findElements(By.cssSelector("table.queue tbody input[name=ids]")).stream()
                .allMatch(WebElement::isSelected));
    }

    private void signIn(WebDriver driver, StaffUser agent) {
        driver.get(url("/connexion"));
        driver.findElement(By.id("identifiant")).sendKeys(agent.username());
        driver.findElement(By.id("motdepasse")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/tickets"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
