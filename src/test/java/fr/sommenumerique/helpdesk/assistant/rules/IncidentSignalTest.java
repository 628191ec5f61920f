package fr.sommenumerique.helpdesk.assistant.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentSignalTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Au bout de combien de temps le préfet ne peut plus contester un arrêté ?",
            "Il y a une erreur de frappe dans le nom d'un conseiller, on la corrige comment ?",
            "Une erreur matérielle dans une délibération, ça se rectifie ?",
            "Je n'arrive pas à retrouver votre adresse, vous êtes où ?",
            "La délibération signée par le président de Somme Numérique est en ligne ?",
            "Dans votre délibération un nom est en double dans la liste des présents, erreur de frappe ?",
            "Faut-il imprimer la convention en double exemplaire ?",
            "Le budget est transmis deux fois par an ?",
            "au SIVOS on n'a jamais télétransmis, tout part par courrier : sommes-nous obligés d'y passer ?",
            "tant que l AR est pas arrive la delib est pas executoire c bien ca ?",
            "Pouvez-vous me rappeler vos horaires ?",
            "Bonjour, pouvez-vous me rappeler : le marché doit-il être transmis dans quel délai ?",
            "Pourriez-vous me rappeler en quelques mots ce qu'est Somme Numérique ?",
            "Envoyé une délib vendredi 18h, toujours rien le dimanche, c'est grave ?",
    })
    void words_that_say_nothing_is_broken_are_no_incident(String text) {
        assertThat(Signals.incident(TextNormalizer.normalize(text))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Je ne peux plus me connecter à Actes",
            "notre délib de lundi est toujours « en attente » ce mercredi",
            "j'ai envoyé lundi matin et toujours rien jeudi",
            "certif expiré !! et vous êtes ouverts jusqu'à quelle heure ?",
            "le mien expire la semaine prochaine",
            "le tampon sur l'AR indique la mauvaise commune !!",
            "Le PDF récupéré ne porte pas le tampon de la préfecture",
            "Actes affiche une erreur depuis ce matin",
            "Je n'arrive pas à retrouver mon acte dans Actes",
            "On n'arrive plus à déposer le fichier",
            "plateforme marchés HS ??",
            "Plus aucun AR depuis lundi sur tous nos envois, c'est chez vous ou à la préfecture ?",
            "le lien de partage marche pu",
            "Ma clé de certificat n'est plus reconnue sur le nouvel ordinateur de la mairie.",
            "notre nouvelle secrétaire s'est connectée sur Actes et elle voit les actes d'une autre commune !",
            "j'arrive pu a me connecter sur actes",
            "On a reçu un mail signé « Somme Numérique » qui demande nos identifiants Actes, c'est vous ?",
            "un courriel se disant de Somme Numerique nous demande de revalider notre compte, c'est normal ?",
            "Est-ce une tentative d'hameçonnage ce message qui nous demande nos mots de passe ?",
            "notre arrêté est parti deux fois sur Actes, on fait quoi ?",
            "On a télétransmis deux fois la même délibération par erreur, qui peut corriger ?",
            "On a reçu un AR pour un acte qu'on n'a jamais envoyé ??",
            "L'adjoint a reçu un mail « de Somme Numérique » qui lui demande son mot de passe Actes par retour. C'est vous ?",
            "La délibération apparaît en double chez la préfecture, comment corriger ?",
            "la visio coupe au bout de dix minutes", "le partage de fichiers rame sans arrêt",
            "Le standard ne répond pas depuis ce matin 10h, vous êtes fermés aujourd'hui ?",
            "J'ai appelé trois fois ce matin, ça sonne dans le vide. Quelqu'un peut-il me rappeler ? Mairie de Cocquerel",
            "Merci de me rappeler au 03 22 00 00 00, c'est urgent",
            "La convention que vous nous avez envoyée porte le nom d'une autre commune.",
            "AR recu mais la date de decision affichee dessus est fausse, comment on corrige ?",
            "Le certificat de l'ancienne secrétaire est sur une clé USB qu'on ne retrouve plus, qu'est-ce qu'on fait ?",
            "Les tampons sur nos actes sont vides (pas de date de réception). Problème chez vous ?",
            "J'ai reçu un mail bizarre qui se présente comme Somme Numérique et me demande mon mot de passe Actes",
            "On a reçu un mail soi-disant de « Somme Numérique » qui nous demande notre mot de passe Actes, c'est vous ??",
            "la delib est partie au nom de la commune voisine !! mauvaise collectivite selectionnee, on fait quoi ?",
            "on a payé la facture Somme Numérique 2 fois par erreur",
            "on est déconnectés toutes les cinq minutes de la plateforme",
            "on nous a facturé l'abonnement deux fois", "il y a une erreur de facturation sur Mairie connectée",
            "le certificat RGS du maire a été volé avec son ordinateur",
            "On a transmis l'arrêté avec la mauvaise nature, comment corriger ?",
            "L'AR indique « délibération » alors qu'on a mis arrêté réglementaire",
            "l'AR affiche une date de réception au 01/01/1970, c'est valable ?",
            "L'ancienne secrétaire avait la clé du certificat RGS et elle ne la retrouve pas",
            "envoi vers la prefecture reste en statut poste depuis vendredi, c normal ? rien bouge",
            "la facture de somme numerique elle est pas arrivee sur chorus pro, la tresoriere la reclame",
            "la formation d hier a ete annulee ? on est venus et ya personne",
            "les bordereaux PES de la commune n'arrivent plus dans Hélios depuis lundi",
            "L'AR reçu porte un identifiant qui n'est pas celui de notre commune, c'est quoi ce bazar ?",
            "la facture déposée sur Chorus Pro porte un montant différent du devis",
            "l espace partage est plein on peut plus deposer de fichiers",
            "notre AR indique une date de réception fausse (2025 au lieu de 2026), c'est grave ?",
            "L'AR du budget est arrivé mais la nature indiquée est « Délibérations » au lieu de « Documents budgétaires »",
            "l'AR est arrivé mais l'ID de l'acte a pas le bon numéro de délib, on peut corriger ?",
            "ma délibération télétransmise hier apparaît avec l'objet d'une autre délibération dans l'accusé de réception",
    })
    void a_breakdown_stays_an_incident(String text) {
        assertThat(Signals.incident(TextNormalizer.normalize(text))).isPresent();
    }
    @ParameterizedTest
    @ValueSource(strings = {
            "J'ai envoyé un arrêté dimanche soir et toujours pas d'AR lundi 8h, c'est normal ?",
            "AR actes jamais arrivé, envoyé samedi, normal ?",
            "On a télétransmis le 13 juillet au soir et l'accusé de réception est daté du 15, c'est un bug ?",
            "arrêté envoyé vendredi 18h, toujours pas d'AR lundi 8h, normal ?",
    })
    void an_acknowledgement_awaited_after_a_closed_day_sending_is_a_question(String text) {
        assertThat(Signals.acknowledgementAfterClosedDay(TextNormalizer.normalize(text))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Délibération envoyée vendredi dernier, toujours en attente, pas d'accusé, et on est mercredi",
            "on n'a jamais d'AR le week-end, et depuis jeudi une erreur 500 quand je clique sur Envoyer",
            "Notre délibération déposée il y a trois semaines n'a toujours pas d'accusé de réception.",
            "Plus aucun AR depuis lundi sur tous nos envois, c'est normal ?",
    })
    void an_acknowledgement_missing_for_another_reason_stays_for_an_agent(String text) {
        assertThat(Signals.acknowledgementAfterClosedDay(TextNormalizer.normalize(text))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "on a recu une facture de Somme Numerique de 350 e, c normal ?",
            "On a reçu deux factures pour l'adhésion de cette année. Je veux un remboursement de la seconde.",
            "Nous avons reçu votre facture Mairie connectée, le montant ne correspond pas.",
            "on a paye la facture somme numerique 2 fois par erreur, comment on se fait rembourser ?",
            "pouvez vous me dire combien on a payé l an dernier pour mairie connecté ? on retrouve pas la facture",
    })
    void an_invoice_the_commune_received_from_us_is_for_its_file(String text) {
        assertThat(Signals.stateOfFile(TextNormalizer.normalize(text))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Jusqu'a quand le programme REACT-EU paye les factures ?",
            "On a reçu une facture électronique d'un fournisseur, elle passe par Chorus Pro ?",
            "Comment déposer une facture sur Chorus Pro ?",
    })
    void invoices_in_general_are_no_file_of_the_commune(String text) {
        assertThat(Signals.stateOfFile(TextNormalizer.normalize(text))).isEmpty();
    }
}
