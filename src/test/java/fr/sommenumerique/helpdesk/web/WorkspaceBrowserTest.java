package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundAttachment;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Macros;
import fr.sommenumerique.helpdesk.ticketing.NewMessage;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.TicketViewers;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.web.account.StaffRole;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The reworked staff workspace in Chromium: axe-core finds no violation on any page at 1,280 and 390 px (and in
 * dark mode), no page scrolls sideways or shows an emoji, full-page screenshots are kept under
 * {@code target/screenshots/} (the sign-in and refusal pages: {@link TriageBrowserTest}); then each
 * workspace feature as an agent uses it.
 */
class WorkspaceBrowserTest extends WebTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Browser browser;

    @Autowired
    Tickets tickets;
    @Autowired
    Contacts contacts;
    @Autowired
    Macros macros;
    @Autowired
    Outbox outbox;
    @Autowired
    TicketViewers viewers;
    @Autowired
    JdbcTemplate jdbc;

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

    @Test
    void every_page_passes_axe_at_1280_and_390_px_and_in_dark_mode_without_sideways_scrolling() {
        StaffUser admin = newStaff("axe", StaffRole.ADMIN);
        HandlingResult ticket = conversations.handle(InboundMessage.email("axe-" + UUID.randomUUID(), unique("axe"), null,
                        "Actes bloqué depuis ce matin avec un objet un peu long pour voir comment il passe à la ligne",
                        "Message d'erreur sur Actes.\n\nCordialement,\nMarie Lefèvre\nSecrétaire de mairie\nMairie de Cannessières")
                .withBody("Message d'erreur sur Actes.", null, "Message d'erreur sur Actes.\n\n> cité\n> encore cité",
                        "<p>Message <b>HTML</b></p>")
                .withAttachments(List.of(new InboundAttachment("capture-ecran-du-message-d-erreur.png", "image/png",
                        new byte[]{1, 2}, null, false))));
        HandlingResult request = email(unique("axe-adh"), "Adhésion", "Bonjour, nous souhaitons adhérer à Mairie connectée.");
        signIn(admin);

        List<String> pages = List.of("/tickets", "/tickets?status=all&sort=priority", "/tickets?q=actes",
                "/tickets/" + ticket.ticketId(), "/demandes", "/demandes/" + request.subscriptionId(), "/communes",
                "/communes/80001", "/assistant", "/rapports/questions-sans-reponse", "/tableau-de-bord",
                "/quarantaine", "/envois", "/reponses-types", "/compte", "/compte/mot-de-passe", "/admin/equipe",
                "/tickets/999999999");
        List<String> problems = new ArrayList<>();
        // Other tests of the same context leave tickets whose subjects and messages hold emoji people wrote.
        List<String> peoplesTexts = new ArrayList<>(jdbc.queryForList("SELECT subject FROM tickets", String.class));
        peoplesTexts.addAll(jdbc.queryForList("SELECT body FROM ticket_messages", String.class));
        peoplesTexts.addAll(jdbc.queryForList("SELECT display_name FROM contacts WHERE display_name IS NOT NULL", String.class));
        ChromeDriver driver = browser.driver();
        for (int width : new int[]{1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            for (String page : pages) {
                driver.get(url(page));
                problems.addAll(browser.pageProblems(page + " à " + width + " px", screenshotName(page) + "-" + width,
                        peoplesTexts));
            }
        }
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            driver.manage().window().setSize(new Dimension(1280, 900));
            for (String page : List.of("/tickets", "/tickets/" + ticket.ticketId(), "/tableau-de-bord", "/reponses-types")) {
                driver.get(url(page));
                assertThat(driver.executeScript("return getComputedStyle(document.body).backgroundColor"))
                        .isEqualTo("rgb(22, 23, 27)");
                problems.addAll(browser.pageProblems(page + " en mode sombre", screenshotName(page) + "-sombre-1280",
                        peoplesTexts));
            }
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
            driver.manage().window().setSize(new Dimension(1440, 900));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void triage_panel_saves_each_change_in_place_and_the_keyboard_reaches_everything() {
        StaffUser agent = newAgent("panneau");
        HandlingResult r = email(unique("panneau"), "Plateforme marchés bloquée",
                "Je n'arrive plus à me connecter à la plateforme marchés, mot de passe refusé.");
        signIn(agent);
        WebDriver driver = browser.driver();
        driver.get(url("/tickets/" + r.ticketId()));
        mark();

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("priority"))).selectByValue("URGENT");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".save-status"), "Enregistré"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status"))).selectByValue("PENDING");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".save-status"), "en attente"));
        assertSameDocument();
        Ticket saved = tickets.findById(r.ticketId()).orElseThrow();
        assertThat(saved.priority()).isEqualTo(Priority.URGENT);
        assertThat(saved.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(driver.findElement(By.cssSelector(".ticket-badges")).getText()).contains("Urgente");

        // focus order: skip link, then the reply box is the first field of the page
        driver.get(url("/tickets/" + r.ticketId()));
        new Actions(driver).sendKeys(Keys.TAB).sendKeys(Keys.ENTER).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("reply-text");
        new Actions(driver).sendKeys(Keys.ESCAPE).sendKeys("n").perform();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("note-text");
        new Actions(driver).sendKeys("Appel reçu, je regarde.").keyDown(Keys.CONTROL).sendKeys(Keys.ENTER)
                .keyUp(Keys.CONTROL).perform();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Note ajoutée."));
        new Actions(driver).sendKeys("?").perform();
        assertThat(driver.findElement(By.id("raccourcis")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("raccourcis")).getText()).contains("Ctrl", "répondre", "m'attribuer");
        new Actions(driver).sendKeys(Keys.ESCAPE).sendKeys("a").perform();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "attribué à " + agent.displayName()));
        assertThat(tickets.findById(r.ticketId()).orElseThrow().assignee()).isEqualTo(agent.username());
        browser.screenshot("ticket-clavier-1440");
    }

    @Test
    void queue_rows_show_the_last_message_and_bulk_actions_change_or_merge_the_ticked_tickets() {
        String tag = "lot" + UUID.randomUUID().toString().substring(0, 6);
        StaffUser agent = newAgent("lot");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(email(unique("lot"), "Actes en panne " + tag + " " + i,
                    "Bonjour, message d'erreur sur Actes depuis ce matin, numéro " + i + ".").ticketId());
        }
        signIn(agent);
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url("/tickets?q=" + tag + "&sort=created&direction=asc"));
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue()).isZero();
        List<WebElement> rows = driver.findElements(By.cssSelector("table.queue tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).findElement(By.cssSelector(".preview")).getText())
                .startsWith("À nous").contains("message d'erreur sur Actes depuis ce matin, numéro 0");
        assertThat(rows.get(0).getSize().getHeight()).isLessThan(80);
        assertThat(driver.findElement(By.cssSelector("th[aria-sort=ascending]")).getText()).isEqualTo("Ticket");
        browser.screenshot("file-lot-1280");

        // on a ticket page opened from the list, k and j open the previous and the next ticket of that list
        driver.get(url("/tickets/" + ids.get(1)));
        new Actions(driver).sendKeys("k").perform();
        waitFor().until(ExpectedConditions.urlMatches("/tickets/" + ids.get(0) + "$"));
        new Actions(driver).sendKeys("j").perform();
        waitFor().until(ExpectedConditions.urlMatches("/tickets/" + ids.get(1) + "$"));
        driver.get(url("/tickets?q=" + tag + "&sort=created&direction=asc"));
        rows = driver.findElements(By.cssSelector("table.queue tbody tr"));

        // j, x: tick the first two rows; j then k comes back up to the second row; a: assign the ticked to me
        new Actions(driver).sendKeys("j").sendKeys("x").sendKeys("j").sendKeys("x").perform();
        assertThat(driver.findElement(By.cssSelector("[data-selected-count]")).getText()).isEqualTo("(2 cochés)");
        new Actions(driver).sendKeys("j").sendKeys("k").perform();
        assertThat(driver.switchTo().activeElement()).isEqualTo(rows.get(1).findElement(By.cssSelector("a.ticket-link")));
        new Actions(driver).sendKeys("a").perform();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "2 tickets modifiés."));
        assertThat(tickets.findById(ids.get(0)).orElseThrow().assignee()).isEqualTo(agent.username());
        assertThat(tickets.findById(ids.get(1)).orElseThrow().assignee()).isEqualTo(agent.username());
        assertThat(tickets.findById(ids.get(2)).orElseThrow().assignee()).isNull();
        assertThat(driver.getCurrentUrl()).contains("q=" + tag); // back to the same list

        // bulk priority and status, on the third row only
        Priority firstPriority = tickets.findById(ids.get(0)).orElseThrow().priority();
        driver.findElement(By.id("sel-" + ids.get(2))).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("bulk-priority"))).selectByValue("LOW");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("bulk-status"))).selectByValue("PENDING");
        driver.findElement(By.id("bulk-apply")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "1 ticket modifié."));
        Ticket third = tickets.findById(ids.get(2)).orElseThrow();
        assertThat(third.priority()).isEqualTo(Priority.LOW);
        assertThat(third.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(tickets.findById(ids.get(0)).orElseThrow().priority()).isEqualTo(firstPriority).isNotEqualTo(Priority.LOW);
        assertThat(driver.findElement(By.cssSelector("tr[data-ticket-id='" + ids.get(2) + "'] .badges")).getText())
                .contains("Basse");

        driver.findElement(By.id("select-all")).click();
        driver.findElement(By.xpath("//button[normalize-space()='Fusionner']")).click();
        driver.switchTo().alert().accept();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "2 tickets fusionnés"));
        assertThat(tickets.findById(ids.get(1)).orElseThrow().mergedIntoId()).isEqualTo(ids.get(0));
        assertThat(tickets.findById(ids.get(2)).orElseThrow().mergedIntoId()).isEqualTo(ids.get(0));

        // saved view, then search: every status, exact reference, wildcards taken literally
        driver.findElement(By.id("view-name")).sendKeys("Lot " + tag + Keys.ENTER);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "enregistrée"));
        assertThat(driver.findElement(By.linkText("Lot " + tag)).getAttribute("href")).contains("q=" + tag);
        driver.get(url("/tickets?q=" + tag));
        assertThat(driver.findElement(By.cssSelector("table.queue caption")).getText())
                .contains("3 tickets").contains("tous statuts, clos compris");
        driver.get(url("/tickets?q=%25"));
        assertThat(driver.findElement(By.cssSelector("p.empty")).getText()).contains("Aucun ticket");
        String reference = tickets.findById(ids.get(0)).orElseThrow().reference();
        driver.get(url("/tickets?q=" + reference));
        assertThat(driver.findElements(By.cssSelector("table.queue tbody tr"))).hasSize(1);
        driver.manage().window().setSize(new Dimension(1440, 900));
    }

    @Test
    void a_reply_is_held_when_the_ticket_changed_and_colleagues_on_the_ticket_are_shown() {
        StaffUser agent = newAgent("collision");
        StaffUser colleague = newAgent("collegue");
        String from = unique("collision");
        HandlingResult r = email(from, "Certificat refusé",
                "Mon certificat est refusé sur Actes depuis ce matin.\n\nCordialement,\nJulie Petit\nSecrétaire de mairie");
        long id = r.ticketId();
        Contact requester = contacts.byId(tickets.findById(id).orElseThrow().requesterId()).orElseThrow();
        assertThat(requester.displayName()).isEqualTo("Julie Petit"); // read from the signature
        assertThat(requester.role()).isEqualTo("Secrétaire de mairie");

        signIn(agent);
        WebDriver driver = browser.driver();
        driver.get(url("/tickets/" + id));
        viewers.seen(id, colleague.username(), true);
        waitFor().withTimeout(Duration.ofSeconds(25)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("presence"), colleague.displayName() + " (en train d’écrire)"));

        driver.findElement(By.id("reply-text")).sendKeys("Pouvez-vous réessayer maintenant ?");
        tickets.addInbound(id, requester.id(), NewMessage.of(Channel.EMAIL, "C'est bon, ça remarche, merci !"));
        driver.findElement(By.id("send-button")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice-error"),
                "Un nouveau message est arrivé"));
        assertThat(driver.findElement(By.cssSelector(".msg-new")).getText()).contains("ça remarche");
        assertThat(driver.findElement(By.id("reply-text")).getDomProperty("value")).isEqualTo("Pouvez-vous réessayer maintenant ?");
        assertThat(tickets.messages(id)).noneMatch(m -> m.text().contains("Pouvez-vous réessayer"));
        browser.screenshot("ticket-collision-1440");

        driver.findElement(By.id("reply-text")).clear();
        driver.findElement(By.id("reply-text")).sendKeys("Parfait, merci de votre retour.");
        driver.findElement(By.id("send-close-button")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice-success"), "Réponse envoyée"));
        Ticket closed = tickets.findById(id).orElseThrow();
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        TicketMessage sent = tickets.messages(id).stream().filter(m -> m.text().contains("Parfait")).findFirst().orElseThrow();
        OutboxMessage mail = outbox.ofTicket(id).stream().filter(m -> sent.emailMessageId().equals(m.messageId()))
                .findFirst().orElseThrow();
        assertThat(mail.textBody()).startsWith("Bonjour Julie Petit,\n\nParfait, merci de votre retour.\n\nBien cordialement,\n\n"
                + agent.displayName() + "\n");
    }

    @Test
    void canned_replies_are_inserted_with_their_placeholders_and_the_preview_shows_the_mail_as_sent() {
        StaffUser agent = newAgent("macro");
        String title = "Relance " + UUID.randomUUID().toString().substring(0, 6);
        macros.create(title, "Pour {commune}, la demande {reference} de {contact} est suivie par {agent}.", "test");
        HandlingResult r = conversations.handle(InboundMessage.email("macro-" + UUID.randomUUID(), unique("macro"),
                "Paul Martin", "Actes", "Message d'erreur sur Actes. Mairie de Cannessières"));
        Ticket ticket = tickets.findById(r.ticketId()).orElseThrow();
        signIn(agent);
        WebDriver driver = browser.driver();
        driver.get(url("/tickets/" + ticket.id()));
        mark();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("macro"))).selectByVisibleText(title);
        driver.findElement(By.cssSelector("form.insert-macro button")).click();
        WebElement reply = driver.findElement(By.id("reply-text"));
        waitFor().until(d -> reply.getDomProperty("value").contains(ticket.reference()));
        assertSameDocument();
        assertThat(reply.getDomProperty("value")).contains("Paul Martin").contains("suivie par " + agent.displayName());

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("article"))).selectByIndex(0);
        driver.findElement(By.cssSelector("form.insert-article button")).click();
        waitFor().until(d -> reply.getDomProperty("value").contains("Source : « "));
        assertThat(reply.getDomProperty("value")).doesNotContain("un ticket sera ouvert").doesNotContain("écrivez-nous");

        driver.findElement(By.xpath("//button[normalize-space()='Aperçu']")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("reply-preview"), "Bien cordialement,"));
        assertThat(driver.findElement(By.id("reply-preview")).getText()).startsWith("Bonjour Paul Martin,")
                .contains(agent.displayName()).contains("Somme Numérique");
        browser.screenshot("ticket-reponse-type-1440");
    }

    @Test
    void the_assistant_test_takes_a_long_pasted_mail_and_says_in_french_what_is_wrong() {
        signIn(newAgent("labo"));
        WebDriver driver = browser.driver();
        driver.get(url("/assistant"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('question').value = arguments[0];",
                "Bonjour, quel certificat faut-il pour Actes ? " + "Texte du mail. ".repeat(400));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("decision-titre")));
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("HTTP Status");

        driver.get(url("/assistant"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('question').removeAttribute('required');");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice-error"),
                "Saisissez une question"));
    }

    private static String screenshotName(String page) {
        String name = page.replaceAll("^/", "").replaceAll("[^a-zA-Z0-9]+", "-").replaceAll("-$", "");
        return name.isEmpty() ? "accueil" : name;
    }

    private void signIn(StaffUser user) {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(url("/connexion"));
        driver.findElement(By.id("identifiant")).sendKeys(user.username());
        driver.findElement(By.id("motdepasse")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor().until(d -> !d.getCurrentUrl().contains("/connexion"));
    }

    private void mark() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.__samePage = true;");
    }

    private void assertSameDocument() {
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.__samePage === true;"))
                .as("la page n'a pas été rechargée").isEqualTo(true);
    }

    private WebDriverWait waitFor() {
        return Browser.waitFor(browser.driver(), WAIT);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
