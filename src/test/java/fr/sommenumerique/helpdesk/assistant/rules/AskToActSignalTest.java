package fr.sommenumerique.helpdesk.assistant.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AskToActSignalTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Bonjour, je voudrais qu'on m'ouvre un accès pour la plateforme marchés",
            "nous voulons creer un compte pour notre nouvelle secretaire",
            "le maire aimerait avoir un nouvel acces",
            "je voudrais m'inscrire a la session sur actes",
            "pourriez-vous nous envoyer de quoi adherer ?",
            "merci de nous transmettre la convention, le conseil a vote",
            "ouvrez le compte de Mme Martin svp", "fermez le compte de l'ancien maire",
            "est-ce qu'on peut avoir la charte à signer ?", "est-ce que je pourrais m'inscrire à une formation ?",
            "Mairie de 1 320 hab, on veut tout le pack Mairie connectée",
            "notre syndicat scolaire voudrait lui aussi vos services",
            "trois de nos communes souhaitent adhérer à Mairie connectée",
            "le maire m'a dit de faire le nécessaire pour qu'on adhère",
            "il faudrait fusionner nos deux comptes Actes, vous pouvez vous en charger ?",
            "Le compte de l'ancienne secrétaire doit passer à la nouvelle, pouvez-vous le faire ?",
            "On pourrait avoir une démonstration de la plateforme Actes à la mairie ?",
            "La commune souhaite adhérer, merci de prendre note de notre demande",
            "pouvez-vous nous envoyer les conventions pour nos trois communes ?",
            "Le syndicat des eaux du Santerre voudrait adhérer à votre offre, qui contacter ?",
            "le comité syndical du SIVOM a autorisé le président à signer la charte",
            "commune nouvelle au 1er janvier : faut transférer nos comptes sur la nouvelle entité",
            "est il possible d'inscrire 3 élus a une formation sur la plateforme marchés ?",
            "La communauté de communes souhaite que vous ouvriez un compte marchés pour chacune de ses communes",
            "Si oui, inscrivez M. Devismes, conseiller délégué, à la formation Actes",
            "slt, tu peux activer Actes pour le SIVOS ? on a la délib",
            "Est-il possible d'ajouter la commune de Pertain à la convention signée par la communauté de communes ?",
            "envoi convention adhesion a signer svp", "envoi de la charte svp",
            "Le syndicat intercommunal d'eau potable sollicite la signature de la convention pour bénéficier des services",
            "notre convention avec la préfecture est signée. Pouvez-vous maintenant activer notre compte Actes ?",
            "Demande d'ouverture d'un compte Actes pour la commune de Vaux-sur-Somme",
            "inscription pr la formation actes svp", "Signature de la charte svp + droit aux 80 % ?",
            "Nous voulons télétransmettre nos actes : lancer l'adhésion svp",
            "la commune de Cérisy voudrait adhérer à Mairie connectée, uniquement pour Actes",
            "on voudrait ajouter la formation marchés publics à notre offre",
            "Je souhaite résilier l'accès au partage de fichiers pour la commune",
            "je veux m inscrire a la formation",
            "Le maire m'a chargé de demander l'ouverture d'un compte Actes pour la mairie"})
    void a_wish_or_an_ask_to_act_on_an_account_a_training_or_a_membership_is_an_ask(String text) {
        assertThat(Signals.asksToAct(TextNormalizer.normalize(text))).isPresent();
    }

    @Test
    void asking_how_to_open_an_account_or_what_the_convention_says_is_no_ask() {
        assertThat(Signals.asksToAct("comment fait-on pour ouvrir un compte ?")).isEmpty();
        assertThat(Signals.asksToAct("que dit la convention sur les donnees ?")).isEmpty();
        assertThat(Signals.asksToAct("jusqu'a quand on peut s'inscrire sur les listes electorales ?")).isEmpty();
        assertThat(Signals.asksToAct("est-ce qu'on adhere automatiquement si la cc est membre ?")).isEmpty();
        assertThat(Signals.asksToAct("qui signe la convention quand une commune veut rejoindre le dispositif ?")).isEmpty();
        assertThat(Signals.asksToAct("le comite qui a vote la charte s'est reuni a quelle heure ?")).isEmpty();
        assertThat(Signals.asksToAct("comment je peux m'inscrire ?")).isEmpty();
        assertThat(Signals.asksToAct("nous voudrions savoir ce que contient le pack")).isEmpty();
        assertThat(Signals.asksToAct("l'envoi de la convention est-il possible par mail ?")).isEmpty();
        assertThat(Signals.asksToAct("le maire veut l'inscrire au budget primitif, c'est combien ?")).isEmpty();
        assertThat(Signals.asksToAct("le maire veut supprimer le ccas, c'est possible ?")).isEmpty();
        assertThat(Signals.asksToAct("quelle est la procedure pour demander l'ouverture d'un compte actes ?")).isEmpty();
        assertThat(Signals.asksToAct("notre conseil voudrait adherer a l'association des maires, comment fait-on ?")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a quelle heure vous ouvrez le matin ?", "vous fermez le midi ?",
            "vs fermez le soir a quelle heure ?"})
    void asking_when_we_open_or_close_is_no_ask_to_open_or_close_an_account(String text) {
        assertThat(Signals.asksToAct(TextNormalizer.normalize(text))).isEmpty();
    }
}
