package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of one article, analysed once, so that the passage best matching a query is found by set look-ups.
 * The passage is HTML-escaped with matched words in {@code <mark>}. Analysed when a search first returns the article,
 * not when the index is built: most articles are not returned soon after a start, and analysing them all lengthened
 * the cold load (and every rebuild) for nothing.
 */
final class Passages {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+(?:[.!?]+|\\n|$)");
    private static final int MAX_CHARS = 300;

    private record Token(int start, int end, String term) {
    }

    private record Sentence(int start, int end, List<Token> tokens, Set<String> terms) {
    }

    private final String text;
    private final Analyzer analyzer;
    /** Null until first needed. */
    private volatile List<Sentence> sentences;

    Passages(String text, Analyzer analyzer) {
        this.text = text;
        this.analyzer = analyzer;
    }

    private List<Sentence> sentences() {
        List<Sentence> analysed = sentences;
        if (analysed == null) {
            synchronized (this) {
                if (sentences == null) {
                    sentences = analyseSentences();
                }
                analysed = sentences;
            }
        }
        return analysed;
    }

    private List<Sentence> analyseSentences() {
        List<Sentence> analysed = new ArrayList<>();
        Matcher matcher = SENTENCE.matcher(text);
        while (matcher.find()) {
            if (!matcher.group().isBlank()) {
                analysed.add(analyse(matcher.start(), matcher.end(), analyzer));
            }
        }
        return List.copyOf(analysed);
    }

    private Sentence analyse(int start, int end, Analyzer analyzer) {
        List<Token> tokens = new ArrayList<>();
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = analyzer.tokenStream(ArticleIndex.BODY, text.substring(start, end))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(start + offset.startOffset(), start + offset.endOffset(), term.toString()));
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sentence(start, end, tokens, terms);
    }

    /** The sentence sharing the most terms with the query (the first one if none does), highlighted. */
    String best(Set<String> queryTerms) {
        List<Sentence> sentences = sentences();
        if (sentences.isEmpty()) {
            return "";
        }
        Sentence best = sentences.get(0);
        int bestCount = 0;
        for (Sentence sentence : sentences) {
            int count = shared(sentence.terms(), queryTerms);
            if (count > bestCount) {
                best = sentence;
                bestCount = count;
            }
        }
        return highlight(best, queryTerms);
    }

    /**
     * How many terms two sets share, counted over the smaller one: the query of a long mail has many more terms than
     * a sentence, and the passage of each returned hit is looked for among every sentence of its article.
     */
    private static int shared(Set<String> some, Set<String> others) {
        Set<String> fewer = some.size() <= others.size() ? some : others;
        Set<String> more = fewer == some ? others : some;
        int count = 0;
        for (String term : fewer) {
            if (more.contains(term)) {
                count++;
            }
        }
        return count;
    }

    private String highlight(Sentence sentence, Set<String> queryTerms) {
        StringBuilder html = new StringBuilder();
        int end = Math.min(sentence.end(), sentence.start() + MAX_CHARS);
        int position = sentence.start();
        for (Token token : sentence.tokens()) {
            if (token.end() > end) {
                break;
            }
            if (queryTerms.contains(token.term())) {
                html.append(escape(text.substring(position, token.start())))
                        .append("<mark>").append(escape(text.substring(token.start(), token.end()))).append("</mark>");
                position = token.end();
            }
        }
        html.append(escape(text.substring(position, end)));
        return html.toString().strip() + (end < sentence.end() ? "…" : "");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
