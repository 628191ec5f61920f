package fr.sommenumerique.helpdesk.web;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.function.Function;

/**
 * An agent at the keyboard, as a person would work: keys go to whatever has the focus, nothing is clicked. It counts
 * every key pressed (a chord such as Ctrl+Enter is one), apart the characters of text typed, and every page load
 * (a new document: a link followed, a form sent, a redirect after it). An action that should load a page waits for
 * the old document to go; one that should not checks that the document is still the same.
 */
final class KeyboardSession {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int MAX_TABS = 400;

    private final WebDriver driver;
    private int commandKeys;
    private int textCharacters;
    private int pageLoads;

    KeyboardSession(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens an address as typed in the browser's address bar: one page load, the typing not counted. */
    void open(String url) {
        driver.get(url);
        pageLoads++;
        mark();
    }

    /** Presses Tab until {@code target} has the focus (Shift+Tab never used). */
    void tabTo(WebElement target) {
        for (int i = 0; i < MAX_TABS; i++) {
            if (target.equals(driver.switchTo().activeElement())) {
                return;
            }
            key(Keys.TAB);
        }
        throw new AssertionError("Jamais atteint par la touche Tab : " + target);
    }

    void tabTo(By by) {
        tabTo(driver.findElement(by));
    }

    /** A key that stays on the page (in-page shortcut, arrow in a list, Tab). */
    void key(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
        commandKeys++;
    }

    /** A key whose effect appears in place: waits until {@code done} holds, and checks no page was loaded. */
    <T> T keyInPlace(CharSequence key, Function<WebDriver, T> done) {
        key(key);
        T result = waitFor().until(done);
        assertSameDocument();
        return result;
    }

    /** A key (Enter on a link or a button, a shortcut) that loads a new page. */
    void keyLoadingPage(CharSequence key) {
        WebElement html = driver.findElement(By.tagName("html"));
        key(key);
        waitForNewDocument(html);
    }

    /** Ctrl + a key, counted as one keystroke, loading a new page or not. */
    void control(CharSequence key, boolean loadsPage) {
        WebElement html = driver.findElement(By.tagName("html"));
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys(key).keyUp(Keys.CONTROL).perform();
        commandKeys++;
        if (loadsPage) {
            waitForNewDocument(html);
        }
    }

    /** Text typed into the focused field, one keystroke per character. */
    void type(String text) {
        new Actions(driver).sendKeys(text).perform();
        textCharacters += text.length();
    }

    /** Moves a focused closed select box to the option with that value with the arrow keys. */
    void choose(WebElement select, String value) {
        if (!select.equals(driver.switchTo().activeElement())) {
            tabTo(select);
        }
        int target = ((Number) js().executeScript(
                "return Array.prototype.findIndex.call(arguments[0].options, o => o.value === arguments[1]);",
                select, value)).intValue();
        if (target < 0) {
            throw new AssertionError("Pas d'option « " + value + " »");
        }
        for (int guard = 0; guard < 100; guard++) {
            int current = ((Number) js().executeScript("return arguments[0].selectedIndex;", select)).intValue();
            if (current == target) {
                return;
            }
            key(current < target ? Keys.ARROW_DOWN : Keys.ARROW_UP);
        }
        throw new AssertionError("Option « " + value + " » jamais atteinte");
    }

    /**
     * Picks an option of a focused select box by typing the start of its label, as a person does in a long list
     * (the browser's type-ahead); each letter is a keystroke.
     */
    void chooseByTyping(WebElement select, String value, String label) {
        if (!select.equals(driver.switchTo().activeElement())) {
            tabTo(select);
        }
        for (char c : label.toCharArray()) {
            if (value.equals(select.getDomProperty("value"))) {
                return;
            }
            key(String.valueOf(c));
        }
        if (!value.equals(select.getDomProperty("value"))) {
            throw new AssertionError("« " + label + " » tapé ne choisit pas " + value);
        }
    }

    int commandKeys() {
        return commandKeys;
    }

    int textCharacters() {
        return textCharacters;
    }

    int keystrokes() {
        return commandKeys + textCharacters;
    }

    int pageLoads() {
        return pageLoads;
    }

    void assertSameDocument() {
        Object marked = js().executeScript("return window.__keyboardSession === true;");
        if (!Boolean.TRUE.equals(marked)) {
            throw new AssertionError("Une page a été chargée alors que l'action devait se faire sur place");
        }
    }

    private void waitForNewDocument(WebElement oldHtml) {
        waitFor().until(ExpectedConditions.stalenessOf(oldHtml));
        waitFor().until(d -> "complete".equals(js().executeScript("return document.readyState")));
        pageLoads++;
        mark();
    }

    private void mark() {
        js().executeScript("window.__keyboardSession = true;");
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private WebDriverWait waitFor() {
        return Browser.waitFor(driver, WAIT);
    }
}
