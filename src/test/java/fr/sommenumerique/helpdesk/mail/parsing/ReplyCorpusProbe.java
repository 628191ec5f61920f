package fr.sommenumerique.helpdesk.mail.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the reply-stripping expectations of talon and email_reply_parser against our implementation.
 * Each talon function is compared with its equivalent here: extract_from_plain / extract_from_html with
 * {@link QuotationStripper}, signature extraction with {@link SignatureExtractor}; email_reply_parser's
 * fragments with {@link ReplyFragments} and its parse_reply (visible text) with {@link ReplyStripper}.
 */
final class ReplyCorpusProbe {

    record CaseResult(String source, String name, boolean passed, String detail) {
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path corpus;
    private final QuotationStripper quotations = new QuotationStripper();
    private final SignatureExtractor signatures = new SignatureExtractor();
    private final ReplyStripper replies = new ReplyStripper();
    private final List<CaseResult> results = new ArrayList<>();

    ReplyCorpusProbe(Path corpus) {
        this.corpus = corpus;
    }

    List<CaseResult> run() throws Exception {
        talonStandardReplies();
        talonShareBlock();
        talonHtmlReplies();
        talonSignatures();
        talonInlineCases();
        emailReplyParser();
        return results;
    }

    private void add(String source, String name, boolean passed, String detail) {
        results.add(new CaseResult(source, name, passed, passed ? "" : detail));
    }

    private void talonStandardReplies() throws Exception {
        Path dir = corpus.resolve("talon/tests/fixtures/standard_replies");
        MailParser parser = new MailParser();
        for (Path eml : list(dir, ".eml")) {
            String name = eml.getFileName().toString();
            ParsedMail mail = parser.parse(Files.readAllBytes(eml));
            String text = mail.parts().stream().filter(p -> p.contentType().equals("text/plain") && p.isText())
                    .map(MailPart::text).findFirst().orElse("");
            Path replyFile = dir.resolve(name.replaceFirst("\\.eml$", "_reply_text"));
            String expected = Files.exists(replyFile) ? Files.readString(replyFile, StandardCharsets.UTF_8).strip() : "Hello";
            String got = quotations.stripPlain(text).reply();
            add("talon", "standard_replies/" + name, expected.equals(got), "attendu «" + esc(expected) + "» obtenu «" + esc(got) + "»");
        }
    }

    private void talonShareBlock() throws Exception {
        Path file = corpus.resolve("talon/tests/fixtures/reply-quotations-share-block.eml");
        String got = quotations.stripPlain(Files.readString(file, StandardCharsets.UTF_8)).reply();
        add("talon", "reply-quotations-share-block.eml", !got.isBlank() && !got.contains("From"),
                "résultat vide ou contenant « From » : «" + esc(got) + "»");
    }

    private void talonHtmlReplies() throws Exception {
        Path dir = corpus.resolve("talon/tests/fixtures/html_replies");
        String expected = WHITESPACE.matcher("Hi. I am fine.\n\nThanks,\nAlex").replaceAll("");
        for (Path html : list(dir, ".html")) {
            String got = quotations.stripHtml(Files.readString(html, StandardCharsets.UTF_8)).reply();
            add("talon", "html_replies/" + html.getFileName(), expected.equals(WHITESPACE.matcher(got).replaceAll("")),
                    "obtenu «" + esc(got) + "»");
        }
    }

    private void talonSignatures() throws Exception {
        Path dir = corpus.resolve("talon/tests/fixtures/signature/emails/stripped");
        for (Path body : list(dir, "_body")) {
            String base = body.getFileName().toString().replaceFirst("_body$", "");
            String text = Files.readString(body, StandardCharsets.UTF_8);
            String sender = Files.readString(dir.resolve(base + "_sender"), StandardCharsets.UTF_8).strip();
            String expectedSignature = Files.readString(dir.resolve(base + "_signature"), StandardCharsets.UTF_8);
            SignatureExtractor.SignatureSplit split = signatures.extract(text, sender);
            String stripped = text.strip();
            String expectedBody = stripped.substring(0, stripped.length() - expectedSignature.length()).strip();
            boolean ok = split.signature().strip().equals(expectedSignature.strip()) && split.body().strip().equals(expectedBody);
            add("talon", "signature/stripped/" + base, ok, "signature «" + esc(split.signature()) + "» attendue «"
                    + esc(expectedSignature.strip()) + "»");
        }
    }

    private void talonInlineCases() throws Exception {
        for (String file : List.of("text_quotations_cases.jsonl", "html_quotations_cases.jsonl")) {
            List<String> lines = Files.readAllLines(corpus.resolve("talon/derived/" + file), StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode c = JSON.readTree(line);
                String name = "derived/" + c.get("test").asText() + ":" + c.get("line").asInt();
                String input = c.get("input").asText();
                String expected = c.get("expected").asText();
                if (c.get("function").asText().equals("extract_from_html")) {
                    String got = quotations.stripHtml(input).reply();
                    String want = HtmlToText.convert(expected);
                    add("talon", name, WHITESPACE.matcher(want).replaceAll("").equals(WHITESPACE.matcher(got).replaceAll("")),
                            "attendu «" + esc(want) + "» obtenu «" + esc(got) + "»");
                } else {
                    String got = quotations.stripPlain(input).reply();
                    add("talon", name, expected.equals(got), "attendu «" + esc(expected) + "» obtenu «" + esc(got) + "»");
                }
            }
        }
    }

    private void emailReplyParser() throws Exception {
        Path base = corpus.resolve("email_reply_parser");
        JsonNode cases = JSON.readTree(base.resolve("derived/expectations.json").toFile()).get("cases");
        for (JsonNode c : cases) {
            String file = c.get("file").asText();
            String text = Files.readString(base.resolve("test/emails/" + file), StandardCharsets.UTF_8);
            List<String> problems = new ArrayList<>();
            long start = System.nanoTime();
            List<ReplyFragments.Fragment> fragments = ReplyFragments.read(text);
            String stripped = replies.strip(text, null).text();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (c.has("max_seconds") && seconds >= c.get("max_seconds").asDouble()) {
                problems.add("trop lent : " + seconds + " s");
            }
            if (c.has("fragments") && fragments.size() != c.get("fragments").asInt()) {
                problems.add(fragments.size() + " fragments au lieu de " + c.get("fragments").asInt());
            }
            checkFlags(c, "quoted", fragments, ReplyFragments.Fragment::quoted, problems);
            checkFlags(c, "signature", fragments, ReplyFragments.Fragment::signature, problems);
            checkFlags(c, "hidden", fragments, ReplyFragments.Fragment::hidden, problems);
            checkFragments(c, "fragment_equals", fragments, (f, v) -> f.equals(v), problems);
            checkFragments(c, "fragment_matches", fragments,
                    (f, v) -> Pattern.compile(v, Pattern.MULTILINE).matcher(f).find(), problems);
            checkFragments(c, "fragment_contains", fragments, String::contains, problems);
            if (c.has("parse_reply") && !c.get("parse_reply").asText().equals(stripped)) {
                problems.add("texte «" + esc(stripped) + "» au lieu de «" + esc(c.get("parse_reply").asText()) + "»");
            }
            if (c.has("parse_reply_equals_visible_text") || c.has("visible_text_rule")) {
                // their contract: visible text = non-hidden fragments joined with "\n", right-stripped
                String joined = String.join("\n", fragments.stream().filter(f -> !f.hidden())
                        .map(ReplyFragments.Fragment::content).toList()).stripTrailing();
                if (!ReplyFragments.visibleText(text).equals(joined)) {
                    problems.add("texte visible «" + esc(ReplyFragments.visibleText(text)) + "» ≠ «" + esc(joined) + "»");
                }
            }
            add("email_reply_parser", file, problems.isEmpty(), String.join(" ; ", problems));
        }
    }

    private static void checkFlags(JsonNode c, String key, List<ReplyFragments.Fragment> fragments,
                                   java.util.function.Predicate<ReplyFragments.Fragment> flag, List<String> problems) {
        if (!c.has(key)) {
            return;
        }
        List<Boolean> want = new ArrayList<>();
        c.get(key).forEach(n -> want.add(n.asBoolean()));
        List<Boolean> got = fragments.stream().map(flag::test).toList();
        if (!want.equals(got)) {
            problems.add(key + " " + got + " au lieu de " + want);
        }
    }

    private static void checkFragments(JsonNode c, String key, List<ReplyFragments.Fragment> fragments,
                                       java.util.function.BiPredicate<String, String> check, List<String> problems) {
        if (!c.has(key)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = c.get(key).fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            int index = Integer.parseInt(e.getKey());
            if (index >= fragments.size() || !check.test(fragments.get(index).content(), e.getValue().asText())) {
                problems.add(key + "[" + index + "] «" + esc(index < fragments.size() ? fragments.get(index).content() : "∅")
                        + "» vs «" + esc(e.getValue().asText()) + "»");
            }
        }
    }

    private static List<Path> list(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static String esc(String s) {
        String e = s.replace("\r", "\\r").replace("\n", "\\n");
        return e.length() > 300 ? e.substring(0, 300) + "…" : e;
    }
}
