package fr.sommenumerique.helpdesk.mail.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MachineMailDetectorTest {

    private final MailParser parser = new MailParser();
    private final MachineMailDetector detector = new MachineMailDetector("Mairie-Connectee.local");

    private MachineMailVerdict classify(String headers) throws Exception {
        String raw = headers + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nBonjour, texte.\n";
        return detector.classify(parser.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ownMailByLoopHeaderOrMessageIdDomain() throws Exception {
        assertThat(classify("From: x@mairie.fr\nSubject: Re: suivi\nX-Helpdesk-Loop: MC-2026-00042").kind())
                .isEqualTo(MachineMailKind.OWN_MAIL);
        assertThat(classify("From: support@mairie-connectee.local\nSubject: s\nMessage-ID: <mc-1@mairie-connectee.local>").kind())
                .isEqualTo(MachineMailKind.OWN_MAIL);
        assertThat(classify("From: x@mairie.fr\nSubject: s\nMessage-ID: <abc@mairie-connectee.local.evil.example>").kind())
                .isEqualTo(MachineMailKind.HUMAN);
    }

    @Test
    void autoReplyHeadersAndSubjects() throws Exception {
        assertThat(classify("From: x@mairie.fr\nSubject: Votre demande\nAuto-Submitted: auto-replied").kind())
                .isEqualTo(MachineMailKind.AUTO_REPLY);
        assertThat(classify("From: x@mairie.fr\nSubject: Votre demande\nAuto-Submitted: no").kind())
                .isEqualTo(MachineMailKind.HUMAN);
        assertThat(classify("From: x@mairie.fr\nSubject: Votre demande\nX-Autoreply: yes").kind()).isEqualTo(MachineMailKind.AUTO_REPLY);
        assertThat(classify("From: x@mairie.fr\nSubject: Votre demande\nPrecedence: auto_reply").kind()).isEqualTo(MachineMailKind.AUTO_REPLY);
        assertThat(classify("From: x@mairie.fr\nSubject: Message d'absence").kind()).isEqualTo(MachineMailKind.OUT_OF_OFFICE);
        assertThat(classify("From: x@mairie.fr\nSubject: Absence du bureau : retour le 10 mars").kind()).isEqualTo(MachineMailKind.OUT_OF_OFFICE);
        assertThat(classify("From: x@corp.com\nSubject: Automatic reply: Invoice").kind()).isEqualTo(MachineMailKind.OUT_OF_OFFICE);
        assertThat(classify("From: x@corp.com\nSubject: Out of Office: Invoice").kind()).isEqualTo(MachineMailKind.OUT_OF_OFFICE);
        assertThat(classify("From: x@mairie.fr\nSubject: Re: absence de réponse de la préfecture").kind()).isEqualTo(MachineMailKind.HUMAN);
        assertThat(classify("From: x@zimbra.fr\nSubject: Re: demande\nAuto-Submitted: auto-replied (vacation)").kind())
                .isEqualTo(MachineMailKind.OUT_OF_OFFICE);
    }

    @Test
    void peoplesSubjectsThatMerelyStartLikeAutomaticOnesStayHuman() throws Exception {
        for (String subject : new String[]{"Absence de réponse de la préfecture", "Absent du tableau des délibérations",
                "Vacation du commissaire enquêteur", "Accusé de réception Actes non reçu", "Absente demain, qui valide ?",
                "En congés : qui me remplace pour Actes ?", "Automatique ou manuel, le dépôt ?", "Auto : contrôle technique",
                "Out of officers we trust", "Réponse automatiquement envoyée ?"}) {
            assertThat(classify("From: x@mairie.fr\nSubject: " + subject).kind()).as(subject).isEqualTo(MachineMailKind.HUMAN);
        }
    }

    @Test
    void automaticSubjectsWithoutHeadersAreFlaggedAsSubjectOnly() throws Exception {
        for (String subject : new String[]{"Réponse automatique : Question Actes", "Absence du bureau", "Message d’absence",
                "Out of Office: Invoice", "Automatic reply: Invoice", "AUTO: Marie Dupont est absente",
                "Absent(e) du bureau : retour lundi", "Absente du 3 au 10 août", "En congés jusqu'au 5 janvier",
                "Absent du lundi 3 au vendredi 7 mars"}) {
            MachineMailVerdict verdict = classify("From: x@mairie.fr\nSubject: " + subject);
            assertThat(verdict.kind()).as(subject).isEqualTo(MachineMailKind.OUT_OF_OFFICE);
            assertThat(verdict.bySubjectOnly()).as(subject).isTrue();
        }
        MachineMailVerdict auto = classify("From: x@mairie.fr\nSubject: Auto-reply: votre message");
        assertThat(auto.kind()).isEqualTo(MachineMailKind.AUTO_REPLY);
        assertThat(auto.bySubjectOnly()).isTrue();
        MachineMailVerdict confirmed = classify("From: x@mairie.fr\nSubject: Réponse automatique : Question\nAuto-Submitted: auto-replied");
        assertThat(confirmed.kind()).isEqualTo(MachineMailKind.OUT_OF_OFFICE);
        assertThat(confirmed.bySubjectOnly()).isFalse();
        assertThat(classify("From: x@mairie.fr\nSubject: Votre demande\nAuto-Submitted: auto-replied").bySubjectOnly()).isFalse();
    }

    @Test
    void onlyAutoResponseSuppressAllMarksAMessageAsAutomatic() throws Exception {
        assertThat(classify("From: x@corp.com\nSubject: Votre demande\nX-Auto-Response-Suppress: All").kind())
                .isEqualTo(MachineMailKind.AUTO_REPLY);
        assertThat(classify("From: x@corp.com\nSubject: Votre demande\nX-Auto-Response-Suppress: OOF, all").kind())
                .isEqualTo(MachineMailKind.AUTO_REPLY);
        // stamped by Exchange Online on mail written by people; None suppresses nothing
        assertThat(classify("From: x@corp.com\nSubject: Votre demande\nX-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply").kind())
                .isEqualTo(MachineMailKind.HUMAN);
        assertThat(classify("From: x@corp.com\nSubject: Votre demande\nX-Auto-Response-Suppress: None").kind())
                .isEqualTo(MachineMailKind.HUMAN);
        assertThat(classify("From: x@corp.com\nSubject: Votre demande\nX-Auto-Response-Suppress: Allowed").kind())
                .isEqualTo(MachineMailKind.HUMAN);
    }

    @Test
    void bouncesBySenderSubjectOrHeader() throws Exception {
        assertThat(classify("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nSubject: Delivery Status Notification (Failure)").kind())
                .isEqualTo(MachineMailKind.BOUNCE);
        assertThat(classify("From: postmaster@mairie.fr\nSubject: Non remis : Votre demande").kind()).isEqualTo(MachineMailKind.BOUNCE);
        MachineMailVerdict exim = classify("From: x@mx.fr\nSubject: Mail delivery failed: returning message to sender\n"
                + "X-Failed-Recipients: Perdu@Mairie.fr\nReturn-Path: <>");
        assertThat(exim.kind()).isEqualTo(MachineMailKind.BOUNCE);
        assertThat(exim.failedRecipients()).containsExactly("perdu@mairie.fr");
        assertThat(classify("From: x@mx.fr\nSubject: Undeliverable: demande\nReturn-Path: <>").kind()).isEqualTo(MachineMailKind.BOUNCE);
    }

    @Test
    void listsAndBulk() throws Exception {
        assertThat(classify("From: news@x.fr\nSubject: Lettre\nList-Unsubscribe: <mailto:u@x.fr>").kind())
                .isEqualTo(MachineMailKind.MAILING_LIST);
        assertThat(classify("From: news@x.fr\nSubject: Lettre\nPrecedence: bulk").kind()).isEqualTo(MachineMailKind.MAILING_LIST);
        assertThat(classify("From: news@x.fr\nSubject: Lettre\nReturn-Path: <>").kind()).isEqualTo(MachineMailKind.AUTO_REPLY);
    }

    @Test
    void ownDomainIsRequired() {
        assertThatThrownBy(() -> new MachineMailDetector(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
