package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionStatus;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The staff UI in headless Chromium against the running application: sign in, triage a ticket from the queue to
 * resolved with a reply that arrives by SMTP in the requester's GreenMail mailbox, accept a subscription request
 * (the commune's mail arrives too) from a list that names communes, correct a contact, follow the dashboard's cards,
 * XSS inertness and keyboard access; the sign-in and « Accès refusé » pages checked with axe-core at 1,280 and
 * 390 px. Screenshots of the queue, a ticket page and those pages are saved under {@code target/screenshots/}.
 */
class TriageBrowserTest extends WebTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Browser browser;

    @Autowired
    Tickets tickets;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    Contacts contacts;

    private WebDriver driver;
    private StaffUser agent;

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
    void signIn() {
        driver = browser.driver();
        driver.manage().deleteAllCookies();
        agent = newAgent("claire");
        driver.get(url("/tickets"));
        assertThat(driver.getCurrentUrl()).contains("/connexion");
        driver.findElement(By.id("identifiant")).sendKeys(agent.username());
        driver.findElement(By.id("motdepasse")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.urlContains("/tickets"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("File des tickets");
    }

    @Test
    void triage_a_ticket_from_the_queue_to_resolved_with_a_reply_that_arrives_by_email() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String requester = unique("secretariat");
        HandlingResult incident = email(requester, "Dépôt refusé sur Actes " + tag,
                "Bonjour,\n\nMessage d'erreur « fichier non conforme » quand je dépose ma délibération sur Actes.\n\n"
                        + "Cordialement,\nMarie Lefèvre\nMairie de Cannessières");
        assertThat(incident.outcome()).isEqualTo(HandlingResult.Outcome.TICKET_OPENED);
        email(unique("accueil"), "Certificat expiré " + tag, "Mon certificat a expiré ce matin, impossible de télétransmettre le budget !!");
        email(unique("dgs"), "Plateforme marchés " + tag, "je n'arrive plus à me connecter à la plateforme marchés, mot de passe refusé");
        Ticket ticket = tickets.findById(incident.ticketId()).orElseThrow();

        driver.get(url("/tickets?q=" + tag));
        List<WebElement> rows = driver.findElements(By.cssSelector("table.data tbody tr"));
        assertThat(rows).hasSize(3);
        assertFullPage(browser.screenshot("queue"));

        driver.findElement(By.partialLinkText(ticket.reference())).click();
        waitFor().until(ExpectedConditions.titleContains(ticket.reference()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(ticket.reference()).contains("Dépôt refusé sur Actes");
        assertThat(driver.findElement(By.cssSelector(".conversation")).getText()).contains("fichier non conforme");
        assertThat(browser.documentHeight()).isGreaterThan(900); // taller than the window: the case that matters
        assertFullPage(browser.screenshot("ticket"));

        // a reply being typed survives other actions on the page and leaving it (kept in the tab until sent)
        driver.findElement(By.id("reply-text")).sendKeys("Bonjour Madame,");
        click(By.xpath("//button[normalize-space()=\"Me l'attribuer\"]"));
        assertThat(flash()).contains("attribué à " + agent.displayName());
        driver.get(url("/tickets"));
        driver.get(url("/tickets/" + ticket.id()));
        WebElement reply = driver.findElement(By.id("reply-text"));
        assertThat(reply.getDomProperty("value")).isEqualTo("Bonjour Madame,");
        assertThat(driver.findElement(By.cssSelector("#reply-text + p.hint")).getText()).isEqualTo("Brouillon non envoyé restauré.");

        // the article goes into the reply without losing what was typed (JavaScript insertion)
        new Select(driver.findElement(By.id("article"))).selectByIndex(0);
        driver.findElement(By.cssSelector("form.insert-article button")).click();
        waitFor().until(d -> reply.getDomProperty("value").contains("Source : « "));
        assertThat(reply.getDomProperty("value")).startsWith("Bonjour Madame,");

        String answer = "Bonjour Madame,\n\nLe fichier doit être un PDF de moins de 150 Mo, sans caractère spécial dans "
                + "son nom. Réf. " + tag;
        reply.clear();
        reply.sendKeys(answer);
        new Select(driver.findElement(By.id("statusAfter"))).selectByValue("RESOLVED");
        click(By.id("send-button"));
        // resolved, it leaves the queue: the next ticket of the list is shown, if there is one after it
        String sent = flash();
        if (driver.getCurrentUrl().endsWith("/tickets/" + ticket.id())) {
            assertThat(sent).isEqualTo("Réponse envoyée.");
        } else {
            assertThat(sent).startsWith("Réponse envoyée sur " + ticket.reference() + " (résolu)");
        }

        Ticket after = tickets.findById(ticket.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(after.assignee()).isEqualTo(agent.username());
        assertThat(after.firstResponseAt()).isNotNull();
        driver.get(url("/tickets/" + ticket.id()));
        assertThat(driver.findElement(By.id("reply-text")).getDomProperty("value")).isEmpty(); // sent: the draft is gone

        MimeMessage delivered = await().atMost(WAIT).until(() -> WebTestMail.to(requester).stream()
                .filter(m -> WebTestMail.body(m).contains("Réf. " + tag)).findFirst().orElse(null), m -> m != null);
        assertThat(subject(delivered)).contains("[" + ticket.reference() + "]");
        assertThat(WebTestMail.body(delivered)).contains("moins de 150 Mo");
    }

    @Test
    void accept_a_subscription_request_and_the_commune_gets_the_message() {
        String requester = unique("mairie");
        HandlingResult recorded = email(requester, "Adhésion", "Bonjour, nous souhaitons adhérer à Mairie connectée pour "
                + "Actes.\n\nCordialement,\nJulie Petit\nSecrétaire de mairie de Cannessières");
        assertThat(recorded.outcome()).isEqualTo(HandlingResult.Outcome.SUBSCRIPTION_RECORDED);
        SubscriptionRequest request = subscriptions.byId(recorded.subscriptionId()).orElseThrow();

        click(By.linkText("Demandes"));
        // the list names the commune (a link to its page), not its INSEE code
        WebElement row = driver.findElement(By.xpath("//tr[.//a[normalize-space()='" + request.reference() + "']]"));
        assertThat(row.findElement(By.cssSelector("a[href$='/communes/80169']")).getText()).isEqualTo("Cannessières");
        assertThat(row.getText()).doesNotContain("80169");
        click(By.linkText(request.reference()));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Éligible à la subvention").contains("Cannessières");

        String message = "Bienvenue ! La convention à signer vous parvient par courrier cette semaine.";
        driver.findElement(By.id("decision-message")).sendKeys(message);
        click(By.id("accept-button"));
        assertThat(flash()).contains("Demande acceptée");

        SubscriptionRequest decided = subscriptions.byId(request.id()).orElseThrow();
        assertThat(decided.status()).isEqualTo(SubscriptionStatus.ACCEPTED);
        assertThat(decided.decidedBy()).isEqualTo(agent.username());
        MimeMessage delivered = await().atMost(WAIT).until(() -> WebTestMail.to(requester).stream()
                .filter(m -> WebTestMail.body(m).contains("convention à signer")).findFirst().orElse(null), m -> m != null);
        assertThat(subject(delivered)).contains("acceptée");
        assertThat(WebTestMail.body(delivered)).contains(request.reference());
    }

    @Test
    void the_sign_in_and_refusal_pages_pass_axe_at_1280_and_390_px_and_the_refusal_says_where_to_go() {
        List<String> problems = new ArrayList<>();
        try {
            for (int width : new int[]{1280, 390}) {
                driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
                driver.get(url("/admin/equipe")); // an agent, not an administrator
                assertThat(driver.getTitle()).isEqualTo("Accès refusé — Assistance Mairie connectée");
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Accès refusé");
                assertThat(driver.findElement(By.tagName("main")).getText())
                        .contains("Votre compte ne permet pas d'ouvrir cette page").doesNotContain("Forbidden");
                problems.addAll(browser.pageProblems("page 403 à " + width + " px", "acces-refuse-" + width));
            }
            click(By.linkText("File des tickets"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("File des tickets");

            driver.manage().deleteAllCookies();
            for (int width : new int[]{1280, 390}) {
                driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
                driver.get(url("/connexion"));
                assertThat(driver.findElement(By.id("identifiant")).isDisplayed()).isTrue();
                problems.addAll(browser.pageProblems("/connexion à " + width + " px", "connexion-" + width));
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1440, 900));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_dashboard_card_is_a_link_to_the_queue_filtered_as_it_counts() {
        email(unique("tableau"), "Actes bloqué", "Bonjour, message d'erreur sur Actes depuis ce matin.");
        driver.get(url("/tableau-de-bord"));
        assertThat(driver.findElements(By.cssSelector("ul.cards li.card"))).hasSize(6)
                .allMatch(card -> !card.findElements(By.cssSelector("a[href]")).isEmpty());

        for (String label : List.of("tickets actifs", "non attribués")) {
            driver.get(url("/tableau-de-bord"));
            WebElement card = driver.findElement(By.xpath(
                    "//ul[@class='cards']//a[.//span[@class='card-label' and normalize-space()='" + label + "']]"));
            String counted = card.findElement(By.cssSelector(".card-value")).getText().replaceAll("\\D", "");
            card.click();
            waitFor().until(ExpectedConditions.titleContains("Tickets"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("File des tickets");
            String caption = driver.findElement(By.cssSelector("table.queue caption")).getText();
            assertThat(caption.split("[^\\d\\s\u00a0\u202f]", 2)[0].replaceAll("\\D", "")).as(label).isEqualTo(counted);
            if (label.equals("non attribués")) {
                assertThat(driver.getCurrentUrl()).contains("assignee=none");
                assertThat(driver.findElements(By.cssSelector("table.queue tbody td:nth-child(5)")))
                        .allMatch(cell -> cell.getText().equals("—"));
            }
        }
        driver.get(url("/tableau-de-bord"));
        click(By.xpath("//ul[@class='cards']//a[.//span[normalize-space()='en retard']]"));
        assertThat(driver.getCurrentUrl()).contains("overdue=true");
    }

    @Test
    void a_contact_is_corrected_on_the_ticket_page_and_the_queue_names_them() {
        HandlingResult r = email(unique("contact"), "Actes", "Bonjour, message d'erreur sur Actes.");
        Ticket ticket = tickets.findById(r.ticketId()).orElseThrow();
        driver.get(url("/tickets/" + ticket.id()));
        driver.findElement(By.xpath("//summary[normalize-space()='Modifier le contact']")).click();
        WebElement name = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-name")));
        name.clear();
        name.sendKeys("Sophie Caron");
        new Select(driver.findElement(By.id("contact-role"))).selectByVisibleText("Maire");
        driver.findElement(By.id("contact-commune")).clear();
        driver.findElement(By.id("contact-commune")).sendKeys("Abbeville");
        click(By.xpath("//button[normalize-space()='Enregistrer le contact']"));
        assertThat(flash()).isEqualTo("Contact mis à jour.");
        assertThat(driver.getCurrentUrl()).endsWith("/tickets/" + ticket.id());
        assertThat(driver.findElement(By.cssSelector(".ticket-side")).getText()).contains("Sophie Caron", "Maire", "Abbeville");

        Contact contact = contacts.byId(ticket.requesterId()).orElseThrow();
        assertThat(contact.displayName()).isEqualTo("Sophie Caron");
        assertThat(contact.role()).isEqualTo("Maire");
        assertThat(contact.communeInsee()).isEqualTo("80001");
        assertThat(tickets.findById(ticket.id()).orElseThrow().communeInsee()).isEqualTo("80001"); // it had none
        driver.get(url("/tickets?q=" + ticket.reference()));
        assertThat(driver.findElement(By.cssSelector("table.queue tbody tr")).getText()).contains("Sophie Caron", "Abbeville");
    }

    @Test
    void a_script_in_an_email_stays_inert_in_the_browser() {
        String payload = "<img src=x onerror=\"window.top.xss='html'\"><script>window.top.xss='script'</script><p>Bonjour</p>";
        HandlingResult r = conversations.handle(InboundMessage.email("xss-" + UUID.randomUUID(), unique("pirate"), null,
                        "Question <script>window.xss='subject'</script>", "<script>window.xss='text'</script> Quel certificat pour Actes ?")
                .withBody("<script>window.xss='text'</script> Quel certificat pour Actes ?", null,
                        "<script>window.xss='text'</script> Quel certificat pour Actes ?", payload));
        driver.get(url("/tickets/" + r.ticketId()));
        driver.findElement(By.cssSelector("details.html-version summary")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.mail-frame")));
        sleepQuietly(500);

        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(((JavascriptExecutor) driver).executeScript("return window.xss === undefined")).isEqualTo(true);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("<script>window.xss='subject'</script>");
        assertThat(driver.findElement(By.cssSelector(".conversation")).getText()).contains("<script>window.xss='text'</script>");
    }

    @Test
    void the_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content() {
        driver.get(url("/tickets"));
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Aller au contenu");
        assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
        focused.sendKeys(Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("contenu");
    }

    @Test
    void the_api_documentation_opens_for_signed_in_staff() {
        driver.get(url("/swagger-ui.html"));
        waitFor().until(d -> d.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .anyMatch(e -> e.getText().replace("\u200b", "").equals("/api/assistant/ask")));
        assertThat(driver.findElement(By.cssSelector(".info .title")).getText()).contains("API de l'assistance Mairie connectée");
    }

    private void click(By by) {
        WebElement element = waitFor().until(ExpectedConditions.elementToBeClickable(by));
        element.click();
        waitFor().until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
    }

    private String flash() {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice"))).getText();
    }

    private WebDriverWait waitFor() {
        return Browser.waitFor(driver, WAIT);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The PNG shows the whole page: as tall as the document (device pixels may be more than CSS pixels). */
    private void assertFullPage(java.nio.file.Path png) {
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            long document = browser.documentHeight();
            assertThat((long) image.getHeight()).as(png.toString()).isGreaterThanOrEqualTo(document);
            assertThat(driver.manage().window().getSize().getHeight()).isEqualTo(900); // window size restored
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
