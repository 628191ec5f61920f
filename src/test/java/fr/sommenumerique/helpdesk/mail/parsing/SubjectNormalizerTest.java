package fr.sommenumerique.helpdesk.mail.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubjectNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RE : TR: Re:\u00a0 Fwd : Problème Actes|Problème Actes",
            "Re: Problème Actes|Problème Actes",
            "RE\u00a0: Problème Actes|Problème Actes",
            "TR\u00a0:\u00a0Convocation|Convocation",
            "Fw: FW: fwd: Devis|Devis",
            "AW: WG: Rechnung|Rechnung",
            "RE[2]: Accès plateforme|Accès plateforme",
            "Re [3] : Accès plateforme|Accès plateforme",
            "Réf. : Numérisation|Numérisation",
            "réf : Numérisation|Numérisation",
            "Tr : RE : [MC-2026-00042] Certificat expiré|[MC-2026-00042] Certificat expiré",
            "Problème de reçu|Problème de reçu",
            "Trésorerie : question|Trésorerie : question",
            "Relance : dossier|Relance : dossier",
            "Re:|''",
    })
    void removesChainsOfReplyAndForwardPrefixes(String subject, String expected) {
        assertThat(SubjectNormalizer.normalize(subject)).isEqualTo(expected);
    }

    @Test
    void nullSubjectIsEmpty() {
        assertThat(SubjectNormalizer.normalize(null)).isEmpty();
    }

    @Test
    void detectsForwards() {
        assertThat(SubjectNormalizer.isForward("TR\u00a0: Acte refusé")).isTrue();
        assertThat(SubjectNormalizer.isForward("Tr : RE : Acte refusé")).isTrue();
        assertThat(SubjectNormalizer.isForward("[Liste] Fwd: Acte refusé")).isTrue();
        // the outermost prefix tells what the sender did: a reply to a forward is a reply
        assertThat(SubjectNormalizer.isForward("RE: Fwd: Acte refusé")).isFalse();
        assertThat(SubjectNormalizer.isForward("RE : TR : Acte refusé")).isFalse();
        assertThat(SubjectNormalizer.isForward("AW: WG: Acte refusé")).isFalse();
        assertThat(SubjectNormalizer.isForward("Re: Acte refusé")).isFalse();
        assertThat(SubjectNormalizer.isForward("Trésorerie")).isFalse();
    }

    @Test
    void extractsTicketReferenceInBrackets() {
        assertThat(SubjectNormalizer.ticketReference("RE: [MC-2026-00042] Certificat expiré")).contains("MC-2026-00042");
        assertThat(SubjectNormalizer.ticketReference("TR : Re:[ mc-2025-00001 ] suite")).contains("MC-2025-00001");
        assertThat(SubjectNormalizer.ticketReference("Dossier MC-2026-00042 sans crochets")).isEmpty();
        assertThat(SubjectNormalizer.ticketReference("[MC-26-42] mal formé")).isEmpty();
        assertThat(SubjectNormalizer.ticketReference(null)).isEmpty();
    }
}
