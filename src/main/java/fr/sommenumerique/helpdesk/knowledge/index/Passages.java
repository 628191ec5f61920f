package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private record Sentence(int start, int end, List<Token> tokens) {
    }

    /**
     * The sentences, and for each term the sentences that hold it (their indexes, in order): the query of a long mail
     * has many terms, and counting the terms each sentence shares with it by set look-ups took a twentieth of a
     * decision; counting from the terms side looks each query term up once.
     */
    private record Analysed(List<Sentence> sentences, Map<String, int[]> sentencesByTerm) {
    }

    private final String text;
    private final Analyzer analyzer;
    /** Null until first needed. */
    private volatile Analysed analysed;

    Passages(String text, Analyzer analyzer) {
        this.text = text;
        this.analyzer = analyzer;
    }

    private Analysed analysed() {
        Analysed known = analysed;
        if (known == null) {
            synchronized (this) {
                if (analysed == null) {
                    analysed = analyseSentences();
                }
                known = analysed;
            }
        }
        return known;
    }

    private Analysed analyseSentences() {
        List<Sentence> sentences = new ArrayList<>();
        Map<String, List<Integer>> byTerm = new HashMap<>();
        Matcher matcher = SENTENCE.matcher(text);
        while (matcher.find()) {
            if (!matcher.group().isBlank()) {
                Sentence sentence = analyse(matcher.start(), matcher.end(), analyzer);
                int index = sentences.size();
                sentences.add(sentence);
                for (Token token : sentence.tokens()) {
                    List<Integer> holding = byTerm.computeIfAbsent(token.term(), t -> new ArrayList<>());
                    if (holding.isEmpty() || holding.get(holding.size() - 1) != index) {
                        holding.add(index);
                    }
                }
            }
        }
        Map<String, int[]> sentencesByTerm = new HashMap<>();
        byTerm.forEach((term, holding) -> sentencesByTerm.put(term, holding.stream().mapToInt(i -> i).toArray()));
        return new Analysed(List.copyOf(sentences), sentencesByTerm);
    }

    private Sentence analyse(int start, int end, Analyzer analyzer) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(ArticleIndex.BODY, text.substring(start, end))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(start + offset.startOffset(), start + offset.endOffset(), term.toString()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sentence(start, end, tokens);
    }

    /** The sentence sharing the most terms with the query (the first one if none does), highlighted. */
    String best(Set<String> queryTerms) {
        Analysed article = analysed();
        List<Sentence> sentences = article.sentences();
        if (sentences.isEmpty()) {
            return "";
        }
        int[] shared = new int[sentences.size()];
        for (String term : queryTerms) {
            int[] holding = article.sentencesByTerm().get(term);
            if (holding != null) {
                for (int index : holding) {
                    shared[index]++;
                }
            }
        }
        int best = 0;
        for (int index = 1; index < shared.length; index++) {
            if (shared[index] > shared[best]) {
                best = index;
            }
        }
        return highlight(sentences.get(best), queryTerms);
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
