package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.IntsRefBuilder;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.FSTCompiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * French text analysis shared by indexing and querying: elision (l', d', qu'…), lower case, accent folding (users
 * often type without accents) and light stemming. Queries also get the domain synonyms; stop words and
 * conversational fillers (« bonjour », « svp », « voudrais »…) are removed.
 */
public final class FrenchAnalysis {

    private static final String FILLERS_RESOURCE = "query-fillers.txt";
    private static final String STEM_OVERRIDES_RESOURCE = "stem-overrides.txt";
    /**
     * Read as the build wrote it ({@link BundledIndexes}) for this very list, else built: building it loaded and ran
     * Lucene's FST compiler cold, a tenth of the knowledge base's load on one core.
     */
    private static final StemmerOverrideFilter.StemmerOverrideMap STEM_OVERRIDES =
            new StemmerOverrideFilter.StemmerOverrideMap(stemOverrides(BundledIndexes.ofApplication()), false);

    private final CharArraySet stopWords;
    private final Analyzer baseAnalyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, normalizeFrench(tokenizer));
        }
    };

    public FrenchAnalysis() {
        this.stopWords = buildStopWords();
    }

    private static TokenStream normalizeFrench(Tokenizer tokenizer) {
        TokenStream stream = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StemmerOverrideFilter(stream, STEM_OVERRIDES);
        return new FrenchLightStemFilter(stream);
    }

    /** For indexing article fields: the normalization plus stop-word removal. */
    public Analyzer indexAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new StopFilter(normalizeFrench(tokenizer), stopWords));
            }
        };
    }

    /**
     * For queries: the normalization plus synonyms. Stop words are left in the stream (a filter after the
     * synonym graph would break it); the query builder skips them with {@link #isStopWord}.
     */
    public Analyzer queryAnalyzer(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = normalizeFrench(tokenizer);
                if (synonyms != null && synonyms.fst != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    public boolean isStopWord(CharSequence term) {
        return stopWords.contains(term);
    }

    /** Parses a Solr-format synonym list, each entry normalized like the text it will meet. */
    public SynonymMap parseSynonyms(String synonymsText) throws ParseException {
        try {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, baseAnalyzer);
            parser.parse(new StringReader(synonymsText));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The normalized forms of a text, without stop words: what matching compares. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = baseAnalyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!stopWords.contains(term)) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    // Stop words go through the same normalization as the text so that they still match after stemming.
    private CharArraySet buildStopWords() {
        List<String> words = new ArrayList<>();
        FrenchAnalyzer.getDefaultStopSet().forEach(w -> words.add(new String((char[]) w)));
        words.addAll(resourceLines(FILLERS_RESOURCE));
        CharArraySet set = new CharArraySet(words.size() * 2, false);
        for (String word : words) {
            try (TokenStream stream = baseAnalyzer.tokenStream("", word)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    set.add(term.toString());
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return CharArraySet.unmodifiableSet(set);
    }

    /** The lines of a resource beside this class, stripped, without blank lines and {@code #} comments. */
    private static List<String> resourceLines(String resource) {
        return lines(resourceText(resource));
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String resourceText(String resource) {
        try (InputStream in = FrenchAnalysis.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FST<BytesRef> stemOverrides(BundledIndexes bundled) {
        String list = resourceText(STEM_OVERRIDES_RESOURCE);
        return bundled.findStemOverrides(list).orElseGet(() -> buildStemOverrides(list));
    }

    /** Writes the stem overrides' FST, built now, among the bundled files of {@code folder} (for the build). */
    public static void writeStemOverrides(Path folder) throws IOException {
        String list = resourceText(STEM_OVERRIDES_RESOURCE);
        BundledIndexes.writeStemOverrides(buildStemOverrides(list), list, folder);
    }

    /**
     * The FST that {@code StemmerOverrideFilter.Builder} (case kept) builds from the list, made as it makes it: the
     * map it returns does not give its FST back, and the build writes the FST. The first line of a word counts.
     */
    static FST<BytesRef> buildStemOverrides(String list) {
        BytesRefHash words = new BytesRefHash();
        List<String> stems = new ArrayList<>();
        for (String line : lines(list)) {
            String[] pair = line.split("\t");
            if (words.add(new BytesRef(pair[0])) >= 0) {
                stems.add(pair[1]);
            }
        }
        try {
            FSTCompiler<BytesRef> compiler = new FSTCompiler.Builder<>(FST.INPUT_TYPE.BYTE4,
                    ByteSequenceOutputs.getSingleton()).build();
            IntsRefBuilder word = new IntsRefBuilder();
            BytesRef spare = new BytesRef();
            for (int id : Arrays.copyOf(words.sort(), words.size())) {
                word.copyUTF8Bytes(words.get(id, spare));
                compiler.add(word.get(), new BytesRef(stems.get(id)));
            }
            return FST.fromFSTReader(compiler.compile(), compiler.getFSTReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
