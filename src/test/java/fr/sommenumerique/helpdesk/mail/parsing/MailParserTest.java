package fr.sommenumerique.helpdesk.mail.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MailParserTest {

    private final MailParser parser = new MailParser();

    private ParsedMail parse(String crlfText) throws UnparseableMailException {
        return parser.parse(crlfText.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void jakartaMailsStreamProviderIsNamedRatherThanSearchedForOnEveryMessage() {
        // the property makes Jakarta Mail instantiate the class directly instead of scanning the service registry
        assertThat(System.getProperty(jakarta.mail.util.StreamProvider.class.getName()))
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    }

    @Test
    void emptyAndBinaryInputIsUnparseableWithAFrenchReason() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(UnparseableMailException.class)
                .satisfies(e -> assertThat(((UnparseableMailException) e).reason()).contains("vide"));
        assertThatThrownBy(() -> parser.parse(" \r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(UnparseableMailException.class);
        byte[] garbage = new byte[2048];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        assertThatThrownBy(() -> parser.parse(garbage)).isInstanceOf(UnparseableMailException.class)
                .satisfies(e -> assertThat(((UnparseableMailException) e).reason()).contains("binaire"));
    }

    @Test
    void messageWithoutHeadersKeepsItsTextAsBody() throws Exception {
        ParsedMail mail = parse("Bonjour, ceci est un texte sans en-tete.\nDeuxieme ligne.\n");
        assertThat(mail.textBody()).isEqualTo("Bonjour, ceci est un texte sans en-tete.\nDeuxieme ligne.\n");
        assertThat(mail.from()).isNull();
        assertThat(mail.warnings()).anySatisfy(w -> assertThat(w).contains("Aucun en-tête"));
    }

    @Test
    void brokenBase64AndQuotedPrintableAreDecodedLeniently() throws Exception {
        String b64 = Base64.getMimeEncoder().encodeToString("Facture numéro 12 : échéance dépassée".getBytes(StandardCharsets.UTF_8));
        ParsedMail mail = parse("From: a@b.fr\nSubject: test\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=XX\n\n--XX\n"
                + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                + b64.substring(0, 20) + "\n!!! ~~\n" + b64.substring(20) + "\n--XX\n"
                + "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "caf=E9 =3D ok =ZZ fin=\nsuite\n--XX--\n");
        assertThat(mail.parts().get(0).text()).isEqualTo("Facture numéro 12 : échéance dépassée");
        assertThat(mail.parts().get(1).text()).isEqualTo("café = ok =ZZ finsuite"); // the line break before a boundary belongs to it
    }

    @Test
    void koi8rIso2022jpAndUnknownCharsets() throws Exception {
        Charset koi8 = Charset.forName("KOI8-R");
        byte[] head = ("From: =?KOI8-R?B?" + Base64.getEncoder().encodeToString("Иван".getBytes(koi8)) + "?= <ivan@example.ru>\r\n"
                + "Subject: =?ISO-2022-JP?B?" + Base64.getEncoder().encodeToString("会議".getBytes(Charset.forName("ISO-2022-JP")))
                + "?=\r\nContent-Type: text/plain; charset=koi8-r\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = "Привет".getBytes(koi8);
        byte[] raw = new byte[head.length + body.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(body, 0, raw, head.length, body.length);
        ParsedMail mail = parser.parse(raw);
        assertThat(mail.from().displayName()).isEqualTo("Иван");
        assertThat(mail.subject()).isEqualTo("会議");
        assertThat(mail.textBody()).isEqualTo("Привет");

        ParsedMail unknown = parser.parse(("From: a@b.fr\r\nSubject: =?x-inconnu?Q?d=C3=A9p=C3=B4t?=\r\n"
                + "Content-Type: text/plain; charset=x-inconnu\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(unknown.subject()).isEqualTo("dépôt");
    }

    @Test
    void encodedWordsSplitInsideAMultibyteCharacterAndRfc2231Filenames() throws Exception {
        ParsedMail mail = parse("From: a@b.fr\nSubject: =?UTF-8?B?w6k=?= =?UTF-8?Q?t=C3?= =?UTF-8?Q?=A9_ok?=\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\ntexte\n"
                + "--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment;\n"
                + " filename*0*=iso-8859-1''proc%E8s-;\n filename*1*=verbal%20n%B01.odt\n\nxx\n"
                + "--b\nContent-Type: application/pdf; name=\"" + new String("arrêté.pdf".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1)
                + "\"\n\nyy\n--b--\n");
        assertThat(mail.subject()).isEqualTo("été ok");
        assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly("procès-verbal n°1.odt", "arrêté.pdf");
    }

    @Test
    void attachedMessageIsAForwardAndAnAttachment() throws Exception {
        ParsedMail mail = parse("From: Claire <mairie@querrieu.fr>\nSubject: Fwd: convocation\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"m\"\n\n--m\nContent-Type: text/plain; charset=utf-8\n\nVoir ci-joint.\n"
                + "--m\nContent-Type: message/rfc822\n\nFrom: =?utf-8?q?Pr=C3=A9fecture?= <pref@somme.gouv.fr>\nSubject: Convocation\n"
                + "Message-ID: <conv-1@somme.gouv.fr>\nContent-Type: text/plain; charset=utf-8\n\nLe conseil est convoqué.\n--m--\n");
        assertThat(mail.forwarded()).isTrue();
        assertThat(mail.forwardedFrom()).isEqualTo(new MailAddress("pref@somme.gouv.fr", "Préfecture"));
        assertThat(mail.attachedMessages()).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Convocation");
            assertThat(m.textBody()).isEqualTo("Le conseil est convoqué.");
        });
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("Convocation.eml");
            assertThat(a.contentType()).isEqualTo("message/rfc822");
        });
        assertThat(mail.parts()).extracting(MailPart::path).containsExactly("1_1", "1_2_1");
        assertThat(mail.textBody()).isEqualTo("Voir ci-joint.");
    }

    @Test
    void addressesAndIdsAreParsedLeniently() throws Exception {
        ParsedMail mail = parse("From: \"Dupont, Jean\" <Jean.Dupont@Mairie.fr>\nReply-To: secretariat@mairie.fr\n"
                + "To: support@mairie-connectee.local, =?utf-8?q?C=C3=A9line?= <celine@x.fr>\nCc: oops@@bad, ok@y.fr\n"
                + "Message-ID: <abc@mairie.fr> (comment)\nReferences: <r1@x> <r2@y>\n <r3@z>\nIn-Reply-To: <r3@z>\n"
                + "Date: Mon, 3 Mar 2025 10:12:00 +0100\nSubject: test\n\ncorps\n");
        assertThat(mail.from()).isEqualTo(new MailAddress("Jean.Dupont@Mairie.fr", "Dupont, Jean"));
        assertThat(mail.replyAddress().address()).isEqualTo("secretariat@mairie.fr");
        assertThat(mail.to()).extracting(MailAddress::displayName).containsExactly(null, "Céline");
        assertThat(mail.cc()).extracting(MailAddress::address).contains("ok@y.fr");
        assertThat(mail.messageId()).isEqualTo("abc@mairie.fr");
        assertThat(mail.references()).containsExactly("r1@x", "r2@y", "r3@z");
        assertThat(mail.inReplyTo()).isEqualTo("r3@z");
        assertThat(mail.date().toString()).isEqualTo("2025-03-03T10:12+01:00");
        assertThat(mail.headers().all("REFERENCES")).hasSize(1);
    }
}
