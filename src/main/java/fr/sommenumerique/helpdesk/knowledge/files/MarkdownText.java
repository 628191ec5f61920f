package fr.sommenumerique.helpdesk.knowledge.files;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/** Markdown to the plain text the assistant sends in e-mails and chats. */
final class MarkdownText {

    private final Parser parser = Parser.builder().build();
    private final TextContentRenderer renderer = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS).build();

    String toPlainText(String markdown) {
        return renderer.render(parser.parse(markdown)).strip();
    }
}
