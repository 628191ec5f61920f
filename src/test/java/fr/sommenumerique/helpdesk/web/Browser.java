package fr.sommenumerique.helpdesk.web;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Headless Debian Chromium driven through Debian's ChromeDriver: both binaries are given explicitly so Selenium
 * Manager never downloads anything. A fresh profile per browser, removed on close. Laptop-sized window.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    static final int MAX_SCREENSHOT_HEIGHT = 12_000;

    private final Path profile;
    private final ChromeDriver driver;

    Browser() {
        try {
            profile = Files.createTempDirectory("helpdesk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--lang=fr-FR", "--user-data-dir=" + profile, "--window-size=1440,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 900));
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /**
     * A wait that reads through a page being replaced: right after a click that sends a form, ChromeDriver may look
     * up an element in the document that is going away (« stale element », « Node with given id does not belong to
     * the document »), which says « not yet », not « wrong ». A real failure still ends in a timeout that carries
     * the last error as its cause.
     */
    static WebDriverWait waitFor(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class, WebDriverException.class);
        return wait;
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Saves a PNG of the whole page under {@code target/screenshots/}: the window is made as tall as the document
     * (at most {@value #MAX_SCREENSHOT_HEIGHT} px) for the shot, then given back its laptop size.
     */
    Path screenshot(String name) {
        Dimension laptop = driver.manage().window().getSize();
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            long documentHeight = documentHeight();
            long viewport = ((Number) driver.executeScript("return window.innerHeight;")).longValue();
            long wanted = Math.min(MAX_SCREENSHOT_HEIGHT, documentHeight);
            if (wanted > viewport) {
                // the window includes a little more than the viewport: add that difference
                int height = (int) (wanted + laptop.getHeight() - viewport);
                driver.manage().window().setSize(new Dimension(laptop.getWidth(), height));
            }
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(laptop);
        }
    }

    /**
     * What is wrong with the page shown, as a person at this window width meets it: axe-core violations, sideways
     * scrolling, emoji in the text (no emoji font on staff machines: they render as empty boxes). Keeps a full-page
     * screenshot named {@code shot}.
     */
    List<String> pageProblems(String where, String shot) {
        return pageProblems(where, shot, List.of());
    }

    /**
     * The same, where emoji found in {@code peoplesTexts} (subjects, messages, names people wrote) are theirs to show:
     * the emoji check is about the application's own icons.
     */
    List<String> pageProblems(String where, String shot, Collection<String> peoplesTexts) {
        List<String> found = new ArrayList<>();
        for (Rule rule : new AxeBuilder().analyze(driver).getViolations()) {
            found.add(where + " : " + rule.getId() + " — " + rule.getHelp() + " (" + rule.getNodes().size()
                    + " élément(s) : " + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList() + ")");
        }
        long overflow = ((Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
        if (overflow > 0) {
            found.add(where + " : défilement horizontal de " + overflow + " px");
        }
        Set<String> peoplesEmoji = Set.copyOf(EmojiCodePoints.list(String.join("\n", peoplesTexts)));
        String emoji = String.join(", ", EmojiCodePoints.list((String) driver.executeScript("return document.body.innerText;"))
                .stream().filter(e -> !peoplesEmoji.contains(e)).distinct().toList());
        if (!emoji.isEmpty()) {
            found.add(where + " : emoji dans la page " + emoji);
        }
        screenshot(shot);
        return found;
    }

    /** Height of the whole page in CSS pixels. */
    long documentHeight() {
        return ((Number) driver.executeScript("return Math.max(document.body.scrollHeight, "
                + "document.documentElement.scrollHeight, document.body.offsetHeight, "
                + "document.documentElement.offsetHeight);")).longValue();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
