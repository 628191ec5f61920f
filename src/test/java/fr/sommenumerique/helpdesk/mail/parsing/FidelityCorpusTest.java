package fr.sommenumerique.helpdesk.mail.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sommenumerique.helpdesk.mail.parsing.FidelityFixtures.Fixture;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every fixture of {@code mail/fidelite} parsed and classified, checked against its own expectations. The same
 * fixtures go through GreenMail in {@code MailFidelityEndToEndTest}.
 */
class FidelityCorpusTest {

    private final MailParser parser = new MailParser();
    private final MachineMailDetector detector = new MachineMailDetector("mairie-connectee.local");

    @Test
    void theCorpusHoldsAtLeastThirtyFixturesFromEveryClientCommunesUseAndEveryClass() {
        List<Fixture> all = FidelityFixtures.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        String clients = all.stream().map(f -> f.text("client")).collect(Collectors.joining(" | "));
        for (String client : List.of("Outlook pour Microsoft 365 (bureau)", "Outlook sur le web", "Thunderbird", "Gmail (web)",
                "Gmail (mobile", "Apple Mail", "Zimbra", "Roundcube")) {
            assertThat(clients).as("client " + client).contains(client);
        }
        Set<String> classes = all.stream().map(Fixture::type).collect(Collectors.toSet());
        assertThat(classes).contains("transfert", "citation", "format-flowed", "accuse-de-lecture", "remise-differee",
                "echec-de-remise", "remise-reussie", "reponse-invitation", "invitation", "avis-plateforme", "absence",
                "tnef", "incident-disparu");
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureMeetsItsExpectations() {
        return FidelityFixtures.all().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> check(f)));
    }

    private void check(Fixture f) throws Exception {
        ParsedMail mail = parser.parse(f.raw());
        MachineMailVerdict verdict = detector.classify(mail);
        assertThat(verdict.kind().name()).as("type de courriel").isEqualTo(f.kind());
        assertThat(mail.warnings()).as("réparations").isEmpty();
        if (f.text("text") != null) {
            assertThat(mail.strippedText()).as("nouveau texte").isEqualTo(f.text("text"));
        }
        f.list("textContains").forEach(s -> assertThat(mail.strippedText()).as("nouveau texte").contains(s));
        f.list("textExcludes").forEach(s -> assertThat(mail.strippedText()).as("nouveau texte").doesNotContain(s));
        f.list("textBodyContains").forEach(s -> assertThat(mail.textBody()).as("texte complet").contains(s));
        f.list("signatureContains").forEach(s -> assertThat(mail.signature()).as("signature").contains(s));
        f.list("quotedContains").forEach(s -> assertThat(mail.quotedText()).as("citation").contains(s));
        if (f.expect().has("forwarded")) {
            assertThat(mail.forwarded()).as("transfert").isEqualTo(f.expect().get("forwarded").asBoolean());
        }
        if (f.text("forwardedFrom") != null) {
            assertThat(mail.forwardedFrom()).as("expéditeur transféré").isNotNull();
            assertThat(mail.forwardedFrom().normalizedAddress()).as("expéditeur transféré").isEqualTo(f.text("forwardedFrom"));
        }
        f.list("forwardedContains").forEach(s -> assertThat(mail.forwardedText()).as("message transféré").contains(s));
        f.list("forwardedExcludes").forEach(s -> assertThat(mail.forwardedText()).as("message transféré").doesNotContain(s));
        if (f.expect().has("attachments")) {
            assertThat(mail.attachments()).extracting(MailAttachment::filename).as("pièces jointes")
                    .containsExactlyElementsOf(f.list("attachments"));
        }
        if (f.expect().has("attachmentTypes")) {
            assertThat(mail.attachments()).extracting(MailAttachment::contentType).as("types des pièces jointes")
                    .containsExactlyElementsOf(f.list("attachmentTypes"));
        }
        if (f.text("inReplyTo") != null) {
            assertThat(mail.inReplyTo()).isEqualTo(f.text("inReplyTo"));
        }
        f.list("noteContains").forEach(s -> assertThat(verdict.note()).as("note pour les agents").contains(s));
        if (f.text("reportedMessageId") != null) {
            assertThat(verdict.reportedMessageId()).as("message concerné").isEqualTo(f.text("reportedMessageId"));
        }
        if (f.expect().has("failedRecipients")) {
            assertThat(verdict.failedRecipients()).as("adresses en échec").containsExactlyElementsOf(f.list("failedRecipients"));
        }
        JsonNode calendar = f.expect().get("calendar");
        if (calendar != null) {
            CalendarEvent event = mail.calendar();
            assertThat(event).as("événement").isNotNull();
            assertThat(event.method()).isEqualTo(calendar.get("method").asString());
            assertThat(event.title()).isEqualTo(calendar.get("title").asString());
            assertThat(event.when()).isEqualTo(calendar.get("when").asString());
            assertThat(event.location()).isEqualTo(calendar.get("location").asString());
            assertThat(event.organizer().normalizedAddress()).isEqualTo(calendar.get("organizer").asString());
        } else if (f.kind().equals("HUMAN")) {
            assertThat(mail.calendar()).as("pas d'événement").isNull();
        }
    }
}
