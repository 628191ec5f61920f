package fr.sommenumerique.helpdesk.mail.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyStripperTest {

    private final ReplyStripper stripper = new ReplyStripper();
    private final QuotationStripper quotations = new QuotationStripper();

    @Test
    void talonSplitterSharingALineWithTheReply() {
        // the real inputs of talon's test_reply_and_quotation_splitter_share_line (mis-transcribed in derived/)
        assertThat(quotations.stripPlain("reply On Wed, Apr 4, 2012 at 3:59 PM, bob@example.com wrote:\n> Hi").reply())
                .isEqualTo("reply");
        assertThat(quotations.stripPlain("reply--- On Wed, Apr 4, 2012 at 3:59 PM, me@domain.com wrote:\n> Hi").reply())
                .isEqualTo("reply");
        assertThat(quotations.stripPlain("reply\nbla-bla - bla--- On Wed, Apr 4, 2012 at 3:59 PM, me@domain.com wrote:\n> Hi")
                .reply()).isEqualTo("reply\nbla-bla - bla");
    }

    @Test
    void frenchGmailAttributionOnTwoLines() {
        StrippedReply r = stripper.strip("Merci, c'est réglé.\n\nLe lun. 3 mars 2025 à 10:12, Support <\n"
                + "support@mairie-connectee.local> a écrit :\n\n> Bonjour\n> test\n", null);
        assertThat(r.text()).isEqualTo("Merci, c'est réglé.");
        assertThat(r.quoted()).startsWith("Le lun. 3 mars 2025").contains("> test");
    }

    @Test
    void frenchShortDateAttributionWithoutQuotes() {
        StrippedReply r = stripper.strip("D'accord pour jeudi.\n\nLe 03/03/2025 10:12, Jean Dupont a écrit :\n"
                + "Bonjour, êtes-vous disponible jeudi ?\n", null);
        assertThat(r.text()).isEqualTo("D'accord pour jeudi.");
    }

    @Test
    void outlookBlocksFrenchAndEnglishAndOriginalMessage() {
        assertThat(stripper.strip("Voici.\n\n-----Message d'origine-----\nDe : X\nEnvoyé : lundi\nÀ : Y\nObjet : Z\n\nancien", null).text())
                .isEqualTo("Voici.");
        assertThat(stripper.strip("Here.\n\n-----Original Message-----\nFrom: X\nSent: Monday\nTo: Y\nSubject: Z\n\nold", null).text())
                .isEqualTo("Here.");
        assertThat(stripper.strip("Here.\n\nFrom: Bob Smith\nSent: Monday, March 3, 2025 10:12 AM\nTo: Y\nSubject: Z\n\nold", null).text())
                .isEqualTo("Here.");
        assertThat(stripper.strip("Voici.\n________________________________\nDe : Support\nEnvoyé : lundi 3 mars 2025 10:12\n"
                + "À : Mairie\nObjet : RE: Z\n\nancien texte", null).text()).isEqualTo("Voici.");
    }

    @Test
    void mobileSignatures() {
        for (String sig : new String[] {"Envoyé de mon iPhone", "Envoyé depuis mon mobile Orange", "Envoyé depuis mon mobile SFR",
                "Envoyé de mon appareil Galaxy", "Envoyé depuis mon appareil Samsung", "Obtenir Outlook pour iOS",
                "Obtenir Outlook pour Android", "Sent from my iPhone", "Sent from my BlackBerry 10 smartphone",
                "Envoyé à partir de Outlook pour Android"}) {
            StrippedReply r = stripper.strip("Le lien ne fonctionne pas.\n\n" + sig + "\n", null);
            assertThat(r.text()).as(sig).isEqualTo("Le lien ne fonctionne pas.");
            assertThat(r.signature()).as(sig).isEqualTo(sig);
        }
    }

    @Test
    void secretaryClosingBlockIsKeptAsSignature() {
        StrippedReply r = stripper.strip("Bonjour,\n\nNous souhaitons nous abonner au partage de fichiers.\n\n"
                + "Bien cordialement,\n\nMme Durand\nSecrétaire de mairie de Saint-Riquier\n03 22 28 00 00\n", "Mairie");
        assertThat(r.text()).isEqualTo("Bonjour,\n\nNous souhaitons nous abonner au partage de fichiers.");
        assertThat(r.signature()).isEqualTo("Bien cordialement,\n\nMme Durand\nSecrétaire de mairie de Saint-Riquier\n03 22 28 00 00");
    }

    @Test
    void frenchProseIsNotMistakenForAReplyHeader() {
        String text = "Bonjour,\n\nLe maire, qui a écrit au préfet la semaine dernière, attend toujours.\n"
                + "Date : le 12 mars à 14 h\nHeure : à confirmer\n"
                + "Le dossier de 2025, comme vous l'avez écrit, est complet.\n\nMerci de votre aide.";
        StrippedReply r = stripper.strip(text, null);
        assertThat(r.quoted()).isEmpty();
        assertThat(r.text()).contains("Le maire, qui a écrit au préfet").contains("Date : le 12 mars").contains("est complet.");
    }

    @Test
    void forwardSeparatorsAndOutlookForwardWithSubjectHint() {
        StrippedReply gmail = stripper.strip("Pour info.\n\n---------- Forwarded message ---------\nFrom: Bob <bob@x.fr>\n"
                + "Date: Mon\nSubject: S\nTo: me\n\ncontenu", null);
        assertThat(gmail.text()).isEqualTo("Pour info.");
        assertThat(gmail.forwardedFrom()).isEqualTo(new MailAddress("bob@x.fr", "Bob"));
        assertThat(gmail.forwarded()).endsWith("contenu");

        StrippedReply outlook = stripper.strip("Pouvez-vous regarder ?\n\nDe : Préfecture [mailto:actes@somme.gouv.fr]\n"
                + "Envoyé : lundi 3 mars 2025 09:00\nÀ : Mairie\nObjet : Acte refusé\n\nL'acte est refusé.", null, true);
        assertThat(outlook.text()).isEqualTo("Pouvez-vous regarder ?");
        assertThat(outlook.isForward()).isTrue();
        assertThat(outlook.forwardedFrom().address()).isEqualTo("actes@somme.gouv.fr");
        assertThat(outlook.forwarded()).contains("L'acte est refusé.");

        StrippedReply apple = stripper.strip("À voir.\n\nDébut du message réexpédié :\n\nDe: Jean <jean@x.fr>\nObjet: T\n\ntexte", null);
        assertThat(apple.text()).isEqualTo("À voir.");
        assertThat(apple.forwardedFrom().address()).isEqualTo("jean@x.fr");
    }

    @Test
    void htmlQuoteContainers() {
        String yahoo = "<div>Réponse courte</div><div class=\"yahoo_quoted\"><div>Le lundi 3 mars 2025, X a écrit :</div>"
                + "<div>ancien</div></div>";
        assertThat(stripper.stripHtml(yahoo, null).text()).isEqualTo("Réponse courte");
        String zimbra = "<div>Réponse</div><hr data-marker=\"__DIVIDER__\"><div><b>De: </b>X<br><b>À: </b>Y</div><div>ancien</div>";
        assertThat(stripper.stripHtml(zimbra, null).text()).isEqualTo("Réponse");
        String apple = "<div>Oui</div><div><br><blockquote type=\"cite\"><div>Le 3 mars 2025 à 10:12, X a écrit :</div>"
                + "<div>question ?</div></blockquote></div>";
        assertThat(stripper.stripHtml(apple, null).text()).isEqualTo("Oui");
    }

    @Test
    void fragmentsFoldQuotedHistory() {
        var fragments = ReplyFragments.read("Merci !\n\nOn Mon, Mar 3, 2025 at 10:12 AM, X <x@y.fr> wrote:\n> question");
        assertThat(fragments).hasSize(2);
        assertThat(fragments.get(0).hidden()).isFalse();
        assertThat(fragments.get(1).quoted()).isTrue();
        assertThat(fragments.get(1).hidden()).isTrue();
        assertThat(ReplyFragments.visibleText("Merci !\n\nOn Mon, Mar 3, 2025 at 10:12 AM, X <x@y.fr> wrote:\n> question\n"))
                .isEqualTo("Merci !");
    }
}
