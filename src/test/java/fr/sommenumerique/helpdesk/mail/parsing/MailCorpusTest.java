package fr.sommenumerique.helpdesk.mail.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Runs the public mail corpus (a copy of ../shared/mail-corpus under src/test/resources/shared): mime4j decoding expectations and the talon /
 * email_reply_parser reply-stripping expectations. Prints a summary table and every failing case.
 */
class MailCorpusTest {

    @Test
    void mime4jMessagesDecodeLikeTheReference() throws Exception {
        Path corpus = CorpusLocation.corpus();
        Mime4jCorpusProbe.Result result = Mime4jCorpusProbe.run(corpus);
        List<Mime4jCorpusProbe.PartResult> compared = result.parts().stream()
                .filter(p -> !Mime4jCorpusProbe.KNOWN_DIVERGENCES.containsKey(p.file())).toList();
        long passed = compared.stream().filter(Mime4jCorpusProbe.PartResult::passed).count();
        long strict = result.passed();

        System.out.println();
        System.out.println("== mime4j : " + result.messages() + " messages, " + result.thrown().size() + " exceptions");
        row("source", "cas", "réussis", "taux");
        row("mime4j (toutes les parties)", result.parts().size(), strict);
        row("mime4j (hors divergences documentées)", compared.size(), passed);
        result.parts().stream().filter(p -> !p.passed()).forEach(p -> System.out.println("  ÉCHEC " + p.file() + " : "
                + p.detail() + (Mime4jCorpusProbe.KNOWN_DIVERGENCES.containsKey(p.file())
                ? "\n      divergence voulue : " + Mime4jCorpusProbe.KNOWN_DIVERGENCES.get(p.file()) : "")));

        assertThat(result.thrown()).as("aucun message ne doit lever d'exception").isEmpty();
        assertThat(compared).as("parties comparées").hasSizeGreaterThan(150);
        assertThat(compared).filteredOn(p -> !p.passed()).as("parties mal décodées").isEmpty();
        // the divergences must be lossless: every line of the raw message body survives
        for (String divergence : Mime4jCorpusProbe.KNOWN_DIVERGENCES.keySet()) {
            String name = divergence.replaceFirst("^testmsgs/", "").replaceFirst("_decoded_1\\.txt$", "");
            Path msg = corpus.resolve("mime4j/core/src/test/resources/testmsgs/" + name + ".msg");
            boolean startsBody = name.startsWith("malformedHeaderStartsBody");
            ParsedMail mail = new MailParser(new MailParser.Options(startsBody, 12)).parse(Files.readAllBytes(msg));
            String raw = Files.readString(msg, StandardCharsets.ISO_8859_1);
            String afterSubject = raw.replaceFirst("(?s)^Subject:[^\\r\\n]*\\r?\\n", "");
            for (String line : afterSubject.split("\\r?\\n")) {
                if (!line.isBlank() && (startsBody || !raw.startsWith("Subject"))) {
                    assertThat(mail.textBody()).as(name + " garde « " + line + " »").contains(line);
                }
            }
        }
    }

    @Test
    void replyStrippingMatchesTalonAndEmailReplyParser() throws Exception {
        List<ReplyCorpusProbe.CaseResult> results = new ReplyCorpusProbe(CorpusLocation.corpus()).run();
        System.out.println();
        row("source", "cas", "réussis", "taux");
        for (String source : List.of("talon", "email_reply_parser")) {
            List<ReplyCorpusProbe.CaseResult> mine = results.stream().filter(r -> r.source().equals(source)).toList();
            row(source, mine.size(), mine.stream().filter(ReplyCorpusProbe.CaseResult::passed).count());
        }
        long passed = results.stream().filter(ReplyCorpusProbe.CaseResult::passed).count();
        row("total découpage des réponses", results.size(), passed);
        results.stream().filter(r -> !r.passed())
                .forEach(r -> System.out.println("  ÉCHEC " + r.source() + " " + r.name() + " : " + r.detail()));

        assertThat(results).hasSizeGreaterThanOrEqualTo(90);
        assertThat((double) passed / results.size()).as("taux de réussite talon + email_reply_parser")
                .isGreaterThanOrEqualTo(0.95);
    }

    private static void row(String source, Object cases, Object passed, Object rate) {
        System.out.printf(Locale.ROOT, "| %-40s | %6s | %7s | %7s |%n", source, cases, passed, rate);
    }

    private static void row(String source, long cases, long passed) {
        row(source, cases, passed, String.format(Locale.ROOT, "%.1f %%", cases == 0 ? 0.0 : 100.0 * passed / cases));
    }

}
