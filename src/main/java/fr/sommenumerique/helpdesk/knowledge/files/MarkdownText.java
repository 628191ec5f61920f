package fr.sommenumerique.helpdesk.knowledge.files;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

import java.util.Map;

/**
 * Markdown to the plain text the assistant sends in e-mails and chats. The texts the build rendered for the shipped
 * articles ({@link BundledPlainTexts}) are taken as rendered; commonmark is set up only for a text it did not render.
 */
final class MarkdownText {

    private final Map<String, String> rendered;
    private Parser parser;
    private TextContentRenderer renderer;

    MarkdownText() {
        this(Map.of());
    }

    /** {@code rendered}: the plain text of each Markdown text already rendered by this very code. */
    MarkdownText(Map<String, String> rendered) {
        this.rendered = rendered;
    }

    String toPlainText(String markdown) {
        String known = rendered.get(markdown);
        if (known != null) {
            return known;
        }
        if (parser == null) {
            parser = Parser.builder().build();
            renderer = TextContentRenderer.builder().lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS).build();
        }
        return renderer.render(parser.parse(markdown)).strip();
    }
}
