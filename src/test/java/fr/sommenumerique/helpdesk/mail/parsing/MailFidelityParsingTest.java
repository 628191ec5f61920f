package fr.sommenumerique.helpdesk.mail.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Issue 11's parsing rules on small mails written inline; the realistic fixtures are in {@link FidelityCorpusTest}. */
class MailFidelityParsingTest {

    private final MailParser parser = new MailParser();
    private final MachineMailDetector detector = new MachineMailDetector("mairie-connectee.local");
    private final ReplyStripper stripper = new ReplyStripper();

    private ParsedMail parse(String raw) throws UnparseableMailException {
        return parser.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ format=flowed (RFC 3676)

    @Test
    void flowedLinesAreRejoinedAndFixedLinesKept() {
        String flowed = "Bonjour,\n\nLe certificat de la mairie a expiré hier et la \nplateforme refuse depuis tout \n"
                + "dépôt.\n -- pas une signature\n>> Ancienne question \n>> sur deux lignes\n> Réponse \n\nMerci\n-- \nJulie";
        assertThat(FlowedText.decode(flowed, false)).isEqualTo("Bonjour,\n\nLe certificat de la mairie a expiré hier et "
                + "la plateforme refuse depuis tout dépôt.\n-- pas une signature\n>> Ancienne question sur deux lignes\n"
                + "> Réponse \n\nMerci\n-- \nJulie");
    }

    @Test
    void delSpRemovesTheSpaceThatMarkedTheSoftBreak() {
        assertThat(FlowedText.decode("Télétrans \nmettre le fichier", true)).isEqualTo("Télétransmettre le fichier");
        assertThat(FlowedText.decode("Télétrans \nmettre le fichier", false)).isEqualTo("Télétrans mettre le fichier");
    }

    @Test
    void aSoftBreakNeverCrossesAChangeOfQuoteDepth() {
        assertThat(FlowedText.decode("> cité \nnouveau", false)).isEqualTo("> cité \nnouveau");
    }

    @Test
    void theParserDecodesFlowedPartsBeforeStripping() throws Exception {
        ParsedMail mail = parse("""
                From: Julie Petit <julie.petit@cannessieres.fr>
                To: support@mairie-connectee.local
                Subject: Re: Certificat
                Date: Mon, 3 Mar 2025 10:00:00 +0100
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8; format=flowed

                Bonjour, le certificat de la mairie a expiré hier et la plateforme\s
                refuse tout dépôt depuis ce matin.

                Le 02/03/2025 à 17:40, Support a écrit :
                > Pouvez-vous vérifier la date de validité de votre\s
                > certificat ?
                """);
        assertThat(mail.textBody()).contains("la plateforme refuse tout dépôt")
                .contains("> Pouvez-vous vérifier la date de validité de votre certificat ?");
        assertThat(mail.strippedText()).isEqualTo("Bonjour, le certificat de la mairie a expiré hier et la plateforme "
                + "refuse tout dépôt depuis ce matin.");
    }

    // ------------------------------------------------------------------ quotes and forwards from the body's structure

    private static final String OUTLOOK_CHAIN = "Bonjour,\n\nToujours aucune réponse de la préfecture, pouvez-vous relancer ?\n\n"
            + "Claire Vasseur\n\n"
            + "De : Assistance Mairie connectée <support@mairie-connectee.local>\nEnvoyé : mardi 4 mars 2025 09:02\n"
            + "À : Claire Vasseur <mairie@querrieu.fr>\nObjet : RE: TR: Acte refusé\n\nNous avons bien reçu votre demande.\n\n"
            + "De : Claire Vasseur <mairie@querrieu.fr>\nEnvoyé : lundi 3 mars 2025 10:31\nObjet : TR: Acte refusé\n\n"
            + "Je vous transfère le message de la préfecture.\n\n"
            + "De : Préfecture de la Somme <actes@somme.gouv.fr>\nEnvoyé : lundi 3 mars 2025 09:12\nObjet : Acte refusé\n\nL'acte est refusé.";

    @Test
    void aReplyToAForwardIsAReplyWhateverThePrefixChain() {
        for (boolean forwardedBySubject : new boolean[] {false}) {
            StrippedReply r = stripper.strip(OUTLOOK_CHAIN, new MailAddress("mairie@querrieu.fr", "Claire Vasseur"),
                    forwardedBySubject);
            assertThat(r.isForward()).isFalse();
            assertThat(r.text()).isEqualTo("Bonjour,\n\nToujours aucune réponse de la préfecture, pouvez-vous relancer ?");
            assertThat(r.quoted()).contains("Nous avons bien reçu votre demande.").contains("L'acte est refusé.");
        }
        for (String subject : new String[] {"RE: TR: Acte refusé", "RE : TR : Acte refusé", "Réf : TR : Acte refusé",
                "AW: WG: Acte refusé", "Re: Fwd: Acte refusé"}) {
            assertThat(SubjectNormalizer.isForward(subject)).as(subject).isFalse();
        }
    }

    @Test
    void aBareHeaderBlockIsAForwardWhenTheTextAnnouncesItOrTheClientMarkedTheMailAsOne() {
        String body = "Bonjour,\n\nPouvez-vous regarder ?\n\nDe : Préfecture de la Somme <actes@somme.gouv.fr>\n"
                + "Envoyé : lundi 3 mars 2025 09:12\nÀ : Mairie\nObjet : Acte refusé\n\nL'acte est refusé.";
        assertThat(stripper.strip(body, null, false).isForward()).isFalse();
        assertThat(stripper.strip(body, null, true).isForward()).isTrue(); // « TR : RE : … »: the mail is a forward
        StrippedReply announced = stripper.strip(body.replace("Pouvez-vous regarder ?",
                "Je vous fais suivre le mail de la préfecture, pouvez-vous regarder ?"), null, false);
        assertThat(announced.isForward()).isTrue();
        assertThat(announced.forwardedFrom().address()).isEqualTo("actes@somme.gouv.fr");
        assertThat(announced.text()).isEqualTo("Bonjour,\n\nJe vous fais suivre le mail de la préfecture, pouvez-vous regarder ?");
    }

    @Test
    void explicitForwardMarkersAreForwardsButNotWhenTheyAreDeepInAQuotedReply() {
        StrippedReply apple = stripper.strip("À voir.\n\nDébut du message réexpédié :\n\nDe: Jean <jean@x.fr>\nObjet: T\n\ntexte",
                null, false);
        assertThat(apple.isForward()).isTrue();
        StrippedReply reply = stripper.strip("Merci.\n\nLe lun. 3 mars 2025 à 10:12, Marc <marc@x.fr> a écrit :\n\n"
                + "---------- Forwarded message ---------\nDe : Préfecture <actes@somme.gouv.fr>\n\nancien", null, false);
        assertThat(reply.isForward()).isFalse();
        assertThat(reply.text()).isEqualTo("Merci.");
    }

    @Test
    void theForwardersSignatureBelowTheForwardedMessageIsTheForwarders() {
        String body = "Bonjour,\n\nPouvez-vous m'expliquer ce refus ?\n\n-------- Message transféré --------\n"
                + "Sujet : \tActe refusé\nDate : \tMon, 3 Mar 2025 09:12:00 +0100\n"
                + "De : \tPréfecture de la Somme <actes@somme.gouv.fr>\nPour : \tmairie@querrieu.fr\n\n"
                + "L'acte est refusé.\n\n-- \nBureau du contrôle de légalité\nPréfecture de la Somme\n80020 Amiens Cedex 9\n\n"
                + "-- \nClaire Vasseur\nSecrétaire de mairie de Querrieu\n";
        StrippedReply r = stripper.strip(body, new MailAddress("mairie@querrieu.fr", "Claire Vasseur"), false);
        assertThat(r.text()).isEqualTo("Bonjour,\n\nPouvez-vous m'expliquer ce refus ?");
        assertThat(r.signature()).isEqualTo("-- \nClaire Vasseur\nSecrétaire de mairie de Querrieu");
        assertThat(r.forwarded()).contains("Préfecture de la Somme\n80020 Amiens").doesNotContain("Claire Vasseur");
        // without the forwarder's own block, the préfecture's signature stays in the forwarded message
        StrippedReply prefectureOnly = stripper.strip(body.substring(0, body.lastIndexOf("-- \nClaire")),
                new MailAddress("mairie@querrieu.fr", "Claire Vasseur"), false);
        assertThat(prefectureOnly.signature()).isEmpty();
        assertThat(prefectureOnly.forwarded()).endsWith("80020 Amiens Cedex 9");
    }

    // ------------------------------------------------------------------ machine reports

    @Test
    void aReadReceiptIsRecognisedByItsStructureAndSaysWhenAndByWhomTheMessageWasRead() throws Exception {
        ParsedMail mail = parse("""
                From: Mairie de Querrieu <mairie@querrieu.fr>
                To: support@mairie-connectee.local
                Subject: Lu : [MC-2025-00042] Acte refusé
                Date: Tue, 4 Mar 2025 09:15:00 +0000
                Message-ID: <mdn-1@querrieu.fr>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification; boundary="r"

                --r
                Content-Type: text/plain; charset=utf-8

                Votre message a été lu.
                --r
                Content-Type: message/disposition-notification

                Reporting-UA: Microsoft Outlook 16.0
                Final-Recipient: rfc822;mairie@querrieu.fr
                Original-Message-ID: <mc-2025-00042-2@mairie-connectee.local>
                Disposition: manual-action/MDN-sent-manually; displayed
                --r--
                """);
        MachineMailVerdict verdict = detector.classify(mail);
        assertThat(verdict.kind()).isEqualTo(MachineMailKind.READ_RECEIPT);
        assertThat(verdict.reportedMessageId()).isEqualTo("mc-2025-00042-2@mairie-connectee.local");
        assertThat(verdict.note()).isEqualTo("Accusé de lecture : message lu le 4 mars 2025 à 10:15 par mairie@querrieu.fr.");
        assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly("accuse-lecture.txt");
    }

    @Test
    void delayedAndSuccessfulDeliveryReportsAreNotBounces() throws Exception {
        String dsn = """
                From: Mail Delivery System <MAILER-DAEMON@mx.querrieu.fr>
                To: support@mairie-connectee.local
                Subject: Delayed Mail (still being retried)
                Date: Tue, 4 Mar 2025 09:15:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="d"

                --d
                Content-Type: text/plain

                Your message could not be delivered for 4 hours. It will be retried until it is 5 days old.
                --d
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.querrieu.fr

                Final-Recipient: rfc822; mairie@querrieu.fr
                Action: ACTION
                Status: 4.4.1
                Will-Retry-Until: Sun, 9 Mar 2025 09:15:00 +0100
                --d
                Content-Type: text/rfc822-headers

                Message-ID: <mc-2025-00042-3@mairie-connectee.local>
                Subject: [MC-2025-00042] Acte refusé
                --d--
                """;
        MachineMailVerdict delayed = detector.classify(parse(dsn.replace("ACTION", "delayed")));
        assertThat(delayed.kind()).isEqualTo(MachineMailKind.DELIVERY_REPORT);
        assertThat(delayed.failedRecipients()).isEmpty();
        assertThat(delayed.reportedMessageId()).isEqualTo("mc-2025-00042-3@mairie-connectee.local");
        assertThat(delayed.note()).contains("remise retardée pour mairie@querrieu.fr (4.4.1)")
                .contains("réessaie jusqu'au Sun, 9 Mar 2025");
        assertThat(detector.classify(parse(dsn.replace("ACTION", "delivered"))).note())
                .isEqualTo("Rapport de remise : message remis à mairie@querrieu.fr.");
        MachineMailVerdict failed = detector.classify(parse(dsn.replace("ACTION", "failed").replace("4.4.1", "5.1.1")));
        assertThat(failed.kind()).isEqualTo(MachineMailKind.BOUNCE);
        assertThat(failed.failedRecipients()).containsExactly("mairie@querrieu.fr");
        assertThat(failed.note()).isEqualTo("Message non distribué à mairie@querrieu.fr (5.1.1).");
        assertThat(parse(dsn).attachments()).extracting(MailAttachment::filename)
                .containsExactly("rapport-remise.txt", "en-tetes-message-original.txt");
    }

    private static final String ICS = """
            BEGIN:VCALENDAR
            PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
            VERSION:2.0
            METHOD:METHOD_VALUE
            BEGIN:VTIMEZONE
            TZID:Romance Standard Time
            BEGIN:STANDARD
            DTSTART:16011028T030000
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            END:STANDARD
            END:VTIMEZONE
            BEGIN:VEVENT
            ORGANIZER;CN="Dupont, Marc":mailto:marc.dupont@corbie.fr
            ATTENDEE;PARTSTAT=ANSWER;CN=Support Mairie connectée;RSVP=TRUE:mailto:support@mairie-connectee.local
            SUMMARY;LANGUAGE=fr-FR:Formation Actes\\, session de mars
            DTSTART;TZID=Romance Standard Time:20250312T093000
            DTEND;TZID=Romance Standard Time:20250312T120000
            LOCATION;LANGUAGE=fr-FR:Salle du conseil\\, mairie de Corbie
            UID:040000008200E00074C5B7101A82E0080000000010ECA7C3
            BEGIN:VALARM
            TRIGGER:-PT15M
            DESCRIPTION:Rappel
            SUMMARY:ne pas lire
            END:VALARM
            END:VEVENT
            END:VCALENDAR
            """;

    private String invitationMail(String method, String answer, String subject) {
        return """
                From: "Dupont, Marc" <marc.dupont@corbie.fr>
                To: support@mairie-connectee.local
                Subject: SUBJECT
                Date: Tue, 4 Mar 2025 09:15:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="a"

                --a
                Content-Type: text/plain; charset=utf-8

                Bonjour, voici l'invitation.
                --a
                Content-Type: text/calendar; charset="utf-8"; method=METHOD_VALUE
                Content-Transfer-Encoding: base64

                BASE64
                --a--
                """.replace("SUBJECT", subject).replace("METHOD_VALUE", method)
                .replace("BASE64", Base64.getMimeEncoder().encodeToString(ICS.replace("METHOD_VALUE", method)
                        .replace("ANSWER", answer).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anInvitationIsReadWithItsTitleDatePlaceAndOrganiser() throws Exception {
        ParsedMail mail = parse(invitationMail("REQUEST", "NEEDS-ACTION", "Formation Actes, session de mars"));
        assertThat(detector.classify(mail).kind()).isEqualTo(MachineMailKind.HUMAN);
        CalendarEvent event = mail.calendar();
        assertThat(event.isInvitation()).isTrue();
        assertThat(event.title()).isEqualTo("Formation Actes, session de mars");
        assertThat(event.start()).isEqualTo(LocalDateTime.of(2025, 3, 12, 9, 30));
        assertThat(event.location()).isEqualTo("Salle du conseil, mairie de Corbie");
        assertThat(event.summary()).isEqualTo("Événement : « Formation Actes, session de mars »\n"
                + "Date : mercredi 12 mars 2025 de 9h30 à 12h00\nLieu : Salle du conseil, mairie de Corbie\n"
                + "Organisateur : Dupont, Marc <marc.dupont@corbie.fr>");
        assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly("invitation.ics");
    }

    @Test
    void anAnswerToAnInvitationIsACalendarReply() throws Exception {
        MachineMailVerdict accepted = detector.classify(parse(invitationMail("REPLY", "ACCEPTED", "Accepté : Formation Actes")));
        assertThat(accepted.kind()).isEqualTo(MachineMailKind.CALENDAR_REPLY);
        assertThat(accepted.note()).isEqualTo("Réponse à l'invitation « Formation Actes, session de mars » "
                + "(mercredi 12 mars 2025 de 9h30 à 12h00) : acceptée par Support Mairie connectée <support@mairie-connectee.local>.");
        assertThat(detector.classify(parse(invitationMail("REPLY", "DECLINED", "Refusé : Formation Actes"))).note())
                .contains(": refusée par Support");
        assertThat(parse(invitationMail("REPLY", "DECLINED", "x")).attachments()).extracting(MailAttachment::filename)
                .containsExactly("reponse-invitation.ics");
    }

    @Test
    void platformNotificationsAreNoticesAndAutomaticRepliesStayAutomaticReplies() throws Exception {
        String notice = """
                From: Plateforme <ne-pas-repondre@marches.example.fr>
                To: support@mairie-connectee.local
                Subject: Dépôt d'un pli
                Date: Tue, 4 Mar 2025 09:15:00 +0000
                Auto-Submitted: AUTO
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                Un pli a été déposé.
                """;
        MachineMailVerdict generated = detector.classify(parse(notice.replace("AUTO", "auto-generated")));
        assertThat(generated.kind()).isEqualTo(MachineMailKind.AUTO_NOTICE);
        assertThat(generated.note()).isEqualTo("Avis automatique de ne-pas-repondre@marches.example.fr : « Dépôt d'un pli ».");
        assertThat(detector.classify(parse(notice.replace("Auto-Submitted: AUTO\n", ""))).kind())
                .isEqualTo(MachineMailKind.AUTO_NOTICE);
        assertThat(detector.classify(parse(notice.replace("AUTO", "auto-replied"))).kind()).isEqualTo(MachineMailKind.AUTO_REPLY);
    }

    // ------------------------------------------------------------------ part names and winmail.dat

    @Test
    void winmailDatIsOpenedIntoItsFiles() throws Exception {
        byte[] pdf = "%PDF-1.4\n% délibération\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tnef = new TnefWriter().file("DELIBE~1.PDF", "délibération n°14.pdf", pdf)
                .file("ANNEXE~1.TXT", "annexe budgétaire.txt", "Budget 2025".getBytes(StandardCharsets.UTF_8)).bytes();
        ParsedMail mail = parse(withAttachment("application/ms-tnef; name=\"winmail.dat\"", "winmail.dat", tnef));
        assertThat(mail.attachments()).extracting(MailAttachment::filename)
                .containsExactly("délibération n°14.pdf", "annexe budgétaire.txt");
        assertThat(mail.attachments().get(0).bytes()).isEqualTo(pdf);
        assertThat(mail.attachments().get(0).contentType()).isEqualTo("application/pdf");
        assertThat(mail.attachments().get(1).contentType()).isEqualTo("text/plain");
    }

    @Test
    void aWinmailDatThatCannotBeReadIsKeptAsItCame() throws Exception {
        byte[] junk = "pas du TNEF".getBytes(StandardCharsets.UTF_8);
        ParsedMail mail = parse(withAttachment("application/ms-tnef", "winmail.dat", junk));
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("winmail.dat");
            assertThat(a.bytes()).isEqualTo(junk);
        });
    }

    @Test
    void unnamedPartsAreNamedAfterWhatTheyAreAndNumberedWhenRepeated() throws Exception {
        String raw = """
                From: x@querrieu.fr
                To: support@mairie-connectee.local
                Subject: Photos
                Date: Tue, 4 Mar 2025 09:15:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: text/plain; charset=utf-8

                Voici les captures.
                --m
                Content-Type: image/png
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --m
                Content-Type: image/png
                Content-Transfer-Encoding: base64

                iVBORw0KGgoA
                --m
                Content-Type: application/pdf; name="image.png"
                Content-Transfer-Encoding: base64

                JVBERi0=
                --m
                Content-Type: application/octet-stream
                Content-Transfer-Encoding: base64

                AAEC
                --m--
                """;
        assertThat(parse(raw).attachments()).extracting(MailAttachment::filename)
                .containsExactly("image-2.png", "image-3.png", "image.png", "fichier.bin");
    }

    private static String withAttachment(String contentType, String filename, byte[] content) {
        return """
                From: Mairie <mairie@querrieu.fr>
                To: support@mairie-connectee.local
                Subject: Délibération
                Date: Tue, 4 Mar 2025 09:15:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: text/plain; charset=utf-8

                Ci-joint la délibération.
                --m
                Content-Type: CT
                Content-Disposition: attachment; filename="FN"
                Content-Transfer-Encoding: base64

                B64
                --m--
                """.replace("CT", contentType).replace("FN", filename)
                .replace("B64", Base64.getMimeEncoder().encodeToString(content));
    }
}
