package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class CommuneLinkerTest extends TicketingTestBase {

    @Autowired
    CommuneLinker linker;

    @Autowired
    Contacts contacts;

    private Optional<String> mentioned(String text) {
        return linker.findMention(text).map(Commune::name);
    }

    // ------------------------------------------------------------------ mentions that count

    @ParameterizedTest(name = "[{index}] {1} ← {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Cordialement,\\nLa secrétaire de mairie de Y                       | Y
            Bonjour, je suis le maire d'Y.                                      | Y
            Mairie d'Ailly-sur-Noye                                             | Ailly-sur-Noye
            Ailly s/ Noye, le 3 mars                                            | Ailly-sur-Noye
            Pour la commune de Bus-lès-Artois, merci                           | Bus-lès-Artois
            Bonjour, ici la secrétaire d'Acheux-en-Amiénois.                    | Acheux-en-Amiénois
            bonjour ici acheux en amienois, on a un souci                       | Acheux-en-Amiénois
            Mairie de St Valery sur Somme                                       | Saint-Valery-sur-Somme
            nous sommes à ST-VALERY-SUR-SOMME                                   | Saint-Valery-sur-Somme
            Mairie\\n12 rue de l'Église\\n80120 RUE                            | Rue
            Mairie de Rue (80120)                                               | Rue
            Mairie - 80 120 Rue                                                 | Rue
            Y (80)                                                              | Y
            notre code INSEE : 80829                                            | Y
            Commune de 87 habitants, INSEE 80 829                               | Y
            la mairie du Crotoy                                                 | Le Crotoy
            Office de tourisme du Crotoy ? non : Mairie, Le Crotoy              | Le Crotoy
            commune de Long                                                     | Long
            Mairie de Vers-sur-Selle                                            | Vers-sur-Selle
            Secrétariat de la mairie de Nesle l'Hôpital                         | Nesle-l'Hôpital
            secretaire mairie de nesle                                          | Nesle
            Le conseil municipal de Fins a délibéré                             | Fins
            Commune de Fins. Nous sommes passés par Acheux-en-Amiénois          | Fins
            Mairie de la Chaussée-Tirancourt                                    | La Chaussée-Tirancourt
            commune de L'Étoile                                                 | L'Étoile
            80100 Abbeville                                                     | Abbeville
            Ville d'Amiens, direction du numérique                              | Amiens
            Bonjour Somme Numérique, la commune de Fins souhaite adhérer        | Fins
            De : Mairie de Y\\nÀ : Somme Numérique\\nObjet : adhésion            | Y
            Bonjour Somme Numérique,\\nMairie de Y\\n80190 Y                 | Y
            Bonjour Somme Numérique,\\nici Acheux-en-Amiénois                 | Acheux-en-Amiénois
            Merci !\\nMairie de Fins\\nLe lun. 2 mars 2026 à 10:00, Support <s@x.fr> a écrit :\\nMairie de Y | Fins
            """)
    void mentionWithEnoughEvidence(String text, String commune) {
        assertThat(mentioned(text.replace("\\n", "\n"))).contains(commune);
    }

    // ------------------------------------------------------------------ traps

    @ParameterizedTest(name = "[{index}] no commune in: {0}")
    @ValueSource(strings = {
            "Il y a un problème avec Actes depuis ce matin.",
            "J'ai eu un message d'erreur",
            "Mairie d'Eu",                                    // Eu is in Seine-Maritime
            "Le bus scolaire ne passe plus",
            "Mairie de Bus",                                  // Bus-la-Mésière or Bus-lès-Artois?
            "Mairie d'Ailly",                                 // three Ailly-…
            "Commune de Fresnoy",                             // four Fresnoy-…
            "Je vous rappelle vers 10h",
            "Le délai est long, 12 rue de la Paix",
            "Le titre du marché est incorrect",
            "Cordialement, Jean Albert",
            "La formation aura lieu à Amiens",
            "CA Amiens Métropole",
            "Mairie de Saint-Quentin",                        // Aisne; the Somme has Saint-Quentin-en-Tourmont…
            "Écrivez à mairie.rue@wanadoo.fr",
            "voir www.mairie-de-long.fr",
            "Travaux de voirie de 80 000 € HT",
            "Secrétaire de mairie de Y et de la commune de Fins",   // two communes, same evidence
            "> Somme Numérique\n> 43 avenue d'Italie, 80090 Amiens",
            "Somme Numérique - 43 avenue d'Italie - 80090 Amiens",
            "on part en vacances au crotoy",
            "Merci\n\nLe lun. 2 mars 2026 à 10:00, Somme Numérique <support@x.fr> a écrit :\nMairie de Y",
            "Merci\n\nDe : Support Somme Numérique\nEnvoyé : lundi 2 mars 2026 10:00\nObjet : Re: Actes\n\nMairie de Y\n80190 Y",
            "Merci\n-----Message d'origine-----\nMairie de Fins",
            "Somme Numérique\n> 43 avenue d'Italie\n> 80090 Amiens",
            "Cordialement\n\nSomme Numérique\nService Mairie connectée\n80090 Amiens\nTél. 03 22 22 27 27",
    })
    void noMatchWithoutEnoughEvidence(String text) {
        assertThat(mentioned(text)).isEmpty();
    }

    @Test
    void articleNamesCountAnywhereOnlyWithTheirCapital() {
        assertThat(mentioned("Nous sommes au Le Crotoy")).contains("Le Crotoy");
        assertThat(mentioned("le crotoy")).isEmpty();
        assertThat(mentioned("Le Titre")).contains("Le Titre");
        assertThat(mentioned("le titre de recette")).isEmpty();
    }

    @Test
    void nullOrBlankTextFindsNothing() {
        assertThat(mentioned(null)).isEmpty();
        assertThat(mentioned("   ")).isEmpty();
    }

    // ------------------------------------------------------------------ order of the methods

    @Test
    void knownLinkedContactComesFirst() {
        Contact c = contacts.findOrCreateByEmail("secretariat@example-y.fr", "Secrétariat");
        contacts.assignCommune(c.id(), "80829", "alice");
        Optional<CommuneMatch> match = linker.link("Secretariat@Example-Y.fr", "Mairie de Rue (80120)");
        assertThat(match).map(CommuneMatch::method).contains(CommuneMatch.Method.CONTACT);
        assertThat(match).map(m -> m.commune().name()).contains("Y");
    }

    @Test
    void telegramContactLinkedToACommune() {
        Contact c = contacts.findOrCreateByTelegramChat(4242L, "Marie");
        contacts.assignCommune(c.id(), "80486", "alice");
        assertThat(linker.link(contacts.byTelegramChatId(4242L).orElseThrow(), "bonjour"))
                .map(m -> m.commune().name() + "/" + m.method()).contains("Long/CONTACT");
    }

    @Test
    void mentionWhenTheContactIsNotLinked() {
        contacts.findOrCreateByEmail("mairie@nouvelle.fr", null);
        assertThat(linker.link("mairie@nouvelle.fr", "Mairie de Fins"))
                .map(m -> m.commune().name() + "/" + m.method()).contains("Fins/MENTION");
    }

    @Test
    void domainLearnedFromContactsOfOneCommune() {
        Contact known = contacts.findOrCreateByEmail("maire@mairie-y.fr", null);
        contacts.assignCommune(known.id(), "80829", "alice");
        assertThat(linker.link("secretaire@mairie-y.fr", "Bonjour, une question sur Actes"))
                .map(m -> m.commune().name() + "/" + m.method()).contains("Y/DOMAIN");
        // a mention wins over the domain
        assertThat(linker.link("secretaire@mairie-y.fr", "Je remplace à la mairie de Fins"))
                .map(m -> m.commune().name() + "/" + m.method()).contains("Fins/MENTION");
    }

    @Test
    void domainSharedByTwoCommunesIdentifiesNone() {
        Contact a = contacts.findOrCreateByEmail("y@cc-exemple.fr", null);
        Contact b = contacts.findOrCreateByEmail("fins@cc-exemple.fr", null);
        contacts.assignCommune(a.id(), "80829", "alice");
        contacts.assignCommune(b.id(), "80312", "alice");
        assertThat(linker.link("autre@cc-exemple.fr", "Bonjour")).isEmpty();
    }

    @Test
    void genericMailboxDomainsNeverIdentifyACommune() {
        Contact a = contacts.findOrCreateByEmail("mairie.y@orange.fr", null);
        contacts.assignCommune(a.id(), "80829", "alice");
        Contact b = contacts.findOrCreateByEmail("mairie.fins@gmail.com", null);
        contacts.assignCommune(b.id(), "80312", "alice");
        assertThat(linker.link("mairie.rue@orange.fr", "Bonjour")).isEmpty();
        assertThat(linker.link("someone@gmail.com", "Bonjour")).isEmpty();
        assertThat(linker.isGenericDomain("wanadoo.fr")).isTrue();
        assertThat(linker.isGenericDomain("smtp.Orange.fr")).isTrue();
        assertThat(linker.isGenericDomain("proton.me")).isTrue();
        assertThat(linker.isGenericDomain("mairie-y.fr")).isFalse();
        assertThat(linker.isGenericDomain("orange.fr.mairie-y.fr")).isFalse();
    }

    @Test
    void configuredDomainMapping() {
        // helpdesk.communes.domains.[mairie-configuree.fr]=80829 in TicketingTestBase
        assertThat(linker.link("accueil@mairie-configuree.fr", "Bonjour"))
                .map(m -> m.commune().name() + "/" + m.method()).contains("Y/DOMAIN");
        // a learned contact of another commune on the same domain makes it ambiguous
        Contact other = contacts.findOrCreateByEmail("x@mairie-configuree.fr", null);
        contacts.assignCommune(other.id(), "80312", "alice");
        assertThat(linker.byEmailDomain("accueil@mairie-configuree.fr")).isEmpty();
    }

    @Test
    void nothingKnown() {
        assertThat(linker.link((String) null, null)).isEmpty();
        assertThat(linker.link("pas une adresse", "Bonjour")).isEmpty();
        assertThat(linker.link("inconnu@quelque-part.fr", "Bonjour, une question")).isEmpty();
    }
}
