package fr.sommenumerique.helpdesk.mail.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Realistic mails from French clients (src/test/resources/mail/fr), parsed end to end. */
class FrenchFixturesTest {

    private final MailParser parser = new MailParser();
    private final MachineMailDetector detector = new MachineMailDetector("mairie-connectee.local");

    private ParsedMail parse(String name) throws IOException, UnparseableMailException {
        try (InputStream in = getClass().getResourceAsStream("/mail/fr/" + name)) {
            assertThat(in).as(name).isNotNull();
            return parser.parse(in.readAllBytes());
        }
    }

    @Test
    void outlookFrenchReplyInWindows1252QuotedPrintable() throws Exception {
        ParsedMail mail = parse("outlook-fr-reponse.eml");

        assertThat(mail.from().displayName()).isEqualTo("Martine Lefèvre");
        assertThat(mail.from().address()).isEqualTo("mairie@villers-bretonneux.fr");
        assertThat(mail.subject()).isEqualTo("RE\u00a0: [MC-2025-00042] Problème Actes");
        assertThat(SubjectNormalizer.normalize(mail.subject())).isEqualTo("[MC-2025-00042] Problème Actes");
        assertThat(SubjectNormalizer.ticketReference(mail.subject())).contains("MC-2025-00042");
        assertThat(mail.inReplyTo()).isEqualTo("mc-2025-00042-1@mairie-connectee.local");
        assertThat(mail.references()).containsExactly("mc-2025-00042-1@mairie-connectee.local");
        assertThat(mail.messageId()).isEqualTo("PR1P264MB0001A2B3C4D5E6F7@PR1P264MB0001.FRAP264.PROD.OUTLOOK.COM");
        // windows-1252 curly apostrophe (0x92) and guillemets decoded
        assertThat(mail.textBody()).contains("Le dépôt de l’acte n’a toujours pas fonctionné ce matin : le message « certificat expiré »");
        assertThat(mail.htmlBody()).contains("Télétransmettre");
        assertThat(mail.strippedText()).isEqualTo("Bonjour,\n\nLe dépôt de l’acte n’a toujours pas fonctionné ce matin : "
                + "le message « certificat expiré » s’affiche dès que je clique sur « Télétransmettre ».\n"
                + "Pouvez-vous me rappeler avant 12 h ?");
        assertThat(mail.signature()).startsWith("Cordialement,").contains("Secrétaire de mairie de Villers-Bretonneux")
                .contains("03 22 48 00 00");
        assertThat(mail.quotedText()).contains("De : Support Mairie connectée").contains("Pouvez-vous réessayer");
        assertThat(mail.forwarded()).isFalse();
        assertThat(mail.attachments()).isEmpty();
        assertThat(detector.classify(mail).kind()).isEqualTo(MachineMailKind.HUMAN);
        assertThat(mail.warnings()).isEmpty();
    }

    @Test
    void outlookHtmlVariantIsStrippedOnTheDom() throws Exception {
        ParsedMail mail = parse("outlook-fr-reponse.eml");
        StrippedReply html = new ReplyStripper().stripHtml(mail.htmlBody(), "Martine Lefèvre");
        // Outlook writes one <p> per line: same text, paragraphs instead of single line breaks
        assertThat(html.text().replaceAll("\n+", "\n")).isEqualTo(mail.strippedText().replaceAll("\n+", "\n"));
        assertThat(html.signature()).contains("Secrétaire de mairie de Villers-Bretonneux");
        assertThat(html.quoted()).contains("Pouvez-vous réessayer");
    }

    @Test
    void gmailFrenchReplyWithAttributionOnTwoLines() throws Exception {
        ParsedMail mail = parse("gmail-fr-reponse.eml");

        assertThat(mail.subject()).isEqualTo("Re: Accès à la plateforme des marchés");
        assertThat(SubjectNormalizer.normalize(mail.subject())).isEqualTo("Accès à la plateforme des marchés");
        assertThat(mail.textBody()).contains("Le lun. 3 mars 2025 à 10:12, Support Mairie connectée <\nsupport@mairie-connectee.local> a écrit :");
        assertThat(mail.strippedText()).isEqualTo("Bonjour,\n\nC'est bon, j'ai pu me connecter à la plateforme des marchés "
                + "avec le nouveau mot de passe.\nMerci pour votre aide rapide !");
        assertThat(mail.signature()).isEqualTo("Jean Dupont\nMaire de Morcourt");
        assertThat(mail.quotedText()).contains("Votre mot de passe a été réinitialisé.");
        // the HTML alternative gives the same new text once gmail_quote is cut
        assertThat(new ReplyStripper().stripHtml(mail.htmlBody(), "Jean Dupont").text()).isEqualTo(mail.strippedText());
    }

    @Test
    void appleMailFrench() throws Exception {
        ParsedMail mail = parse("apple-mail-fr.eml");

        assertThat(mail.subject()).isEqualTo("Re\u00a0: Formation Actes");
        assertThat(SubjectNormalizer.normalize(mail.subject())).isEqualTo("Formation Actes");
        assertThat(mail.strippedText()).isEqualTo("Bonjour,\n\nLa formation de jeudi est-elle maintenue malgré la grève des transports ?");
        assertThat(mail.signature()).isEqualTo("Bien à vous,\nSylvie Caron\nMairie de Corbie");
        assertThat(mail.quotedText()).contains("La formation « Actes » aura lieu jeudi 6 mars");
    }

    @Test
    void thunderbirdFrenchWithMozCitePrefixAndDashSignature() throws Exception {
        ParsedMail mail = parse("thunderbird-fr.eml");

        assertThat(mail.strippedText()).isEqualTo("Bonjour,\n\nLe partage de fichiers refuse mon document de 30 Mo, quelle est la taille maximale ?");
        assertThat(mail.signature()).isEqualTo("-- \nSophie Martin\nSecrétaire de mairie de Daours");
        StrippedReply html = new ReplyStripper().stripHtml(mail.htmlBody(), "Sophie Martin");
        assertThat(html.text()).isEqualTo(mail.strippedText());
        assertThat(html.quoted()).contains("a écrit").contains("Le partage de fichiers est ouvert pour votre commune.");
    }

    @Test
    void iphoneSignatureAndQuotedAttribution() throws Exception {
        ParsedMail mail = parse("iphone-fr.eml");

        assertThat(SubjectNormalizer.normalize(mail.subject())).isEqualTo("Numérisation");
        assertThat(mail.strippedText()).isEqualTo("Bonjour, le scanner de la mairie n'envoie plus les PDF vers la plateforme depuis la mise à jour.");
        assertThat(mail.signature()).isEqualTo("Envoyé de mon iPhone");
        assertThat(mail.quotedText()).contains("avez-vous pu tester la numérisation ?");
    }

    @Test
    void htmlOnlyOutlookWebMail() throws Exception {
        ParsedMail mail = parse("outlook-web-html-seul.eml");

        assertThat(mail.parts()).extracting(MailPart::contentType).containsExactly("text/html");
        // readable text from HTML: paragraphs, line breaks and list items kept
        assertThat(mail.textBody()).startsWith("Bonjour,\n\nVoici les actes que je n'arrive pas à transmettre :\n\n"
                + "- délibération n° 2025-12 (budget primitif)\n- arrêté n° 2025-03 (voirie)\n\nMerci de votre retour.\nNadia Benali");
        assertThat(mail.textBody()).doesNotContain("alert(").doesNotContain("P {margin-top");
        assertThat(mail.strippedText()).isEqualTo("Bonjour,\n\nVoici les actes que je n'arrive pas à transmettre :\n\n"
                + "- délibération n° 2025-12 (budget primitif)\n- arrêté n° 2025-03 (voirie)\n\nMerci de votre retour.");
        assertThat(mail.signature()).isEqualTo("Nadia Benali\nMairie d'Albert");
        assertThat(mail.quotedText()).contains("pouvez-vous nous envoyer la liste des actes concernés ?");
        assertThat(mail.sanitizedHtml()).doesNotContain("<script").doesNotContain("alert(").doesNotContain("<style");
    }

    @Test
    void forwardedMailKeepsTheForwardedContentSeparately() throws Exception {
        ParsedMail mail = parse("transfert-tr.eml");

        assertThat(mail.subject()).isEqualTo("TR\u00a0: Acte refusé : nomenclature incorrecte");
        assertThat(SubjectNormalizer.isForward(mail.subject())).isTrue();
        assertThat(SubjectNormalizer.normalize(mail.subject())).isEqualTo("Acte refusé : nomenclature incorrecte");
        assertThat(mail.forwarded()).isTrue();
        assertThat(mail.forwardedFrom().address()).isEqualTo("actes@somme.gouv.fr");
        assertThat(mail.forwardedFrom().displayName()).isEqualTo("Préfecture de la Somme");
        assertThat(mail.strippedText()).isEqualTo("Bonjour,\n\nJe vous transfère le message de la préfecture, je ne comprends pas ce qu'il faut corriger.");
        assertThat(mail.signature()).isEqualTo("Claire Vasseur");
        assertThat(mail.forwardedText()).startsWith("---------- Message transféré ---------")
                .contains("la nomenclature 7.1 ne correspond pas à la nature de l'acte.");
    }

    @Test
    void pdfAttachmentAndInlineCidImage() throws Exception {
        ParsedMail mail = parse("piece-jointe-pdf-image-inline.eml");

        assertThat(mail.subject()).isEqualTo("Délibération à télétransmettre");
        assertThat(mail.textBody()).isEqualTo("Bonjour,\n\nVous trouverez ci-joint la délibération et le procès-verbal.\n\n"
                + "Cordialement,\nLa secrétaire de mairie\n");
        assertThat(mail.attachments()).extracting(MailAttachment::filename)
                .containsExactly("logo.png", "délibération n°12.pdf", "procès-verbal du conseil.pdf");
        MailAttachment logo = mail.attachments().get(0);
        assertThat(logo.inline()).isTrue();
        assertThat(logo.contentId()).isEqualTo("logo-mairie@querrieu");
        assertThat(logo.contentType()).isEqualTo("image/png");
        assertThat(logo.bytes()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(logo.size()).isEqualTo(logo.bytes().length);
        MailAttachment pdf = mail.attachments().get(1);
        assertThat(pdf.inline()).isFalse();
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.bytes(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4").endsWith("%%EOF\n");
        assertThat(mail.inlineAttachments()).containsExactly(logo);
        // remote tracking image dropped, cid image kept for the UI
        assertThat(mail.sanitizedHtml()).contains("src=\"cid:logo-mairie@querrieu\"").doesNotContain("tracker.example.com");
    }

    @Test
    void iso885915WithEuroSign() throws Exception {
        ParsedMail mail = parse("iso-8859-15-euro.eml");

        assertThat(mail.subject()).isEqualTo("Devis formation : 1 250 €");
        assertThat(mail.from().displayName()).isEqualTo("Éric Dubœuf");
        assertThat(mail.textBody()).contains("s'élève à 1 250 € TTC").contains("Nous tenons à cœur");
        assertThat(mail.parts().get(0).charset()).isEqualTo("ISO-8859-15");
        assertThat(mail.signature()).isEqualTo("Bien cordialement,\nÉric Dubœuf\nMairie de Fouilloy");
    }

    @Test
    void brokenCharsetDeclarationFallsBackToWindows1252() throws Exception {
        ParsedMail mail = parse("charset-declare-faux.eml");

        // raw 8-bit Latin-1 subject and a body declared UTF-8 but written in windows-1252
        assertThat(mail.subject()).isEqualTo("Échéance dépassée");
        assertThat(mail.textBody()).contains("L'échéance du marché public est dépassée et la plateforme refuse le dépôt de l'offre.");
        assertThat(mail.textBody()).doesNotContain("\uFFFD");
        assertThat(mail.parts().get(0).charset()).isEqualTo("windows-1252");
        assertThat(mail.warnings()).anySatisfy(w -> assertThat(w).contains("« utf-8 »").contains("windows-1252"));
    }

    @Test
    void outOfOfficeAutoReply() throws Exception {
        ParsedMail mail = parse("absence-reponse-automatique.eml");

        MachineMailVerdict verdict = detector.classify(mail);
        assertThat(verdict.kind()).isEqualTo(MachineMailKind.OUT_OF_OFFICE);
        assertThat(verdict.reason()).isNotBlank();
        assertThat(mail.subject()).startsWith("Réponse automatique\u00a0:");
        assertThat(SubjectNormalizer.ticketReference(mail.subject())).contains("MC-2025-00042");
    }

    @Test
    void deliveryStatusNotificationBounce() throws Exception {
        ParsedMail mail = parse("dsn-non-remis.eml");

        MachineMailVerdict verdict = detector.classify(mail);
        assertThat(verdict.kind()).isEqualTo(MachineMailKind.BOUNCE);
        // only the failed recipient, not the delayed one
        assertThat(verdict.failedRecipients()).containsExactly("secretariat@mairie-inconnue.fr");
        assertThat(mail.parts()).extracting(MailPart::contentType)
                .containsExactly("text/plain", "message/delivery-status", "text/rfc822-headers");
        assertThat(mail.textBody()).contains("Votre message n'a pas pu être remis");
    }

    @Test
    void mailingList() throws Exception {
        ParsedMail mail = parse("liste-diffusion.eml");

        MachineMailVerdict verdict = detector.classify(mail);
        assertThat(verdict.kind()).isEqualTo(MachineMailKind.MAILING_LIST);
        assertThat(mail.headers().get("list-id")).isEqualTo("Actualites Somme Numerique <actualites.lists.somme-numerique.example>");
    }

    @Test
    void mailWithoutMessageIdIsDeduplicatedByContentHash() throws Exception {
        ParsedMail mail = parse("sans-message-id.eml");

        assertThat(mail.messageId()).isNull();
        assertThat(mail.subject()).isEqualTo("Plus d’accès au partage");
        assertThat(mail.strippedText()).isEqualTo("Bonjour,\n\nNous n'avons plus accès à l'espace de partage depuis ce matin.");
        assertThat(mail.contentHash()).matches("[0-9a-f]{64}");

        // the same mail delivered again with another transfer encoding and line endings has the same hash
        String reencoded = "From: Mairie de Bussy <MAIRIE@bussy-les-daours.fr>\nTo: support@mairie-connectee.local\n"
                + "Subject: autre objet\nDate: Fri, 07 Mar 2025 08:12:00 +0000\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
                + "Bonjour,\n\nNous n'avons plus accès à l'espace de partage depuis ce matin.\n\nMairie de Bussy-lès-Daours\n";
        ParsedMail again = parser.parse(reencoded.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(again.contentHash()).isEqualTo(mail.contentHash());
        // a different text gives a different hash
        ParsedMail other = parser.parse(reencoded.replace("ce matin", "hier").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(other.contentHash()).isNotEqualTo(mail.contentHash());
    }

    @Test
    void everyFixtureParsesAndHumansAreRecognised() throws Exception {
        for (String name : new String[] {"outlook-fr-reponse.eml", "gmail-fr-reponse.eml", "apple-mail-fr.eml",
                "thunderbird-fr.eml", "iphone-fr.eml", "outlook-web-html-seul.eml", "transfert-tr.eml",
                "piece-jointe-pdf-image-inline.eml", "iso-8859-15-euro.eml", "charset-declare-faux.eml",
                "sans-message-id.eml"}) {
            ParsedMail mail = parse(name);
            assertThat(detector.classify(mail).kind()).as(name).isEqualTo(MachineMailKind.HUMAN);
            assertThat(mail.date()).as(name).isNotNull();
            assertThat(mail.strippedText()).as(name).isNotBlank().doesNotContain("a écrit").doesNotContain("\n>");
        }
    }
}
