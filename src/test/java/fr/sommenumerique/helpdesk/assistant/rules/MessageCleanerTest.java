package fr.sommenumerique.helpdesk.assistant.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageCleanerTest {

    private final MessageCleaner cleaner = new MessageCleaner();

    @Test
    void the_headers_of_a_forwarded_mail_are_left_out_and_the_quoted_question_kept() {
        String cleaned = cleaner.clean("----- Message transféré ----- De : Mairie de Bussus-Bussuel (le maire) Objet : "
                + "questions « Peux-tu demander à Somme Numérique quel certificat il faut pour Actes ? » ----- Bonjour, "
                + "je vous transfère la demande de M. le Maire. Cordialement, Céline");

        assertThat(cleaned).doesNotContain("transfer", "de :", "objet", "-----", "celine")
                .contains("« peux-tu demander a somme numerique quel certificat il faut pour actes ? »");
    }

    @Test
    void subject_prefixes_and_quote_marks_are_left_out() {
        assertThat(cleaner.clean("TR : RE: question du maire > Le maire demande : c'est qui qui finance ?"))
                .isEqualTo("question du maire le maire demande : c'est qui qui finance ?");
        assertThat(cleaner.clean("De : Mairie de Long À : secrétariat Objet : charte. Voir ci-dessus, merci."))
                .isEqualTo("charte.");
    }

    @Test
    void a_message_that_only_mentions_a_sender_or_an_object_keeps_its_words() {
        assertThat(cleaner.clean("Il y a : deux délibérations à envoyer, c'est l'objet de mon appel ?"))
                .isEqualTo("il y a : deux deliberations a envoyer, c'est l'objet de mon appel ?");
    }

    @Test
    void the_mail_a_reply_quotes_below_its_question_is_left_out() {
        assertThat(cleaner.clean("Bonjour, une délib est exécutoire à quelles conditions ? Merci Le mer. 24 déc. 2025 "
                + "à 12:16, CC Terre de Picardie <service@cc.fr> a écrit : > Bonjour à tous, > pour vos questions sur "
                + "les outils numériques, contactez Somme Numérique."))
                .isEqualTo("une delib est executoire a quelles conditions ?");
        assertThat(cleaner.clean("Le maire veut savoir ce que comprend l'offre pour sa commune. -----Message d'origine----- "
                + "De : SGC Péronne Envoyé : mercredi 25 mars 2026 Objet : Envoi des pièces. Nous accusons réception."))
                .isEqualTo("le maire veut savoir ce que comprend l'offre pour sa commune.");
        // A reply that says too little on its own keeps the quoted mail, which holds what is asked.
        assertThat(cleaner.clean("Voir ci-dessous. Le 3 juin 2025 à 10:12, Le Maire a écrit : > Céline, demande-leur "
                + "quel certificat il faut pour Actes ?")).contains("quel certificat il faut pour actes ?");
        // « le maire m'a écrit : » is no quotation header.
        assertThat(cleaner.clean("Le maire m'a écrit : « quel certificat faut-il pour Actes ? »"))
                .contains("quel certificat faut-il pour actes ?");
    }
    @Test
    void a_note_asking_what_to_answer_a_forwarded_mail_is_read_as_the_forwarded_question() {
        assertThat(cleaner.clean("Bonjour, que dois-je répondre à cet élu ? TR: De : Marc Delattre Envoyé : mardi 3 "
                + "février 2026 11:11 Objet : délib charte Bonjour, la délibération sur la charte a été envoyée en "
                + "préfecture à quelle date ? Merci"))
                .doesNotContain("repondre", "delattre").contains("a ete envoyee en prefecture a quelle date ?");
        assertThat(cleaner.clean("je reponds koi ? Fwd: De: adjoint Envoyé: 02/04/2026 Objet: certif > quel type de "
                + "certificat faut il pour envoyer sur actes ?")).isEqualTo("certif quel type de certificat faut il "
                + "pour envoyer sur actes ?");
        // A question of a few words above a forwarded mail asks about it.
        assertThat(cleaner.clean("c normal ?? Fwd: De: maire Envoyé: lun 23 mars 2026 Objet: AR > on a envoye un arrete "
                + "samedi, toujours pas d'accuse de reception")).contains("toujours pas d'accuse de reception")
                .doesNotContain("normal");
        // A short note asking what to do about the forwarded mail; a longer one tells its own matter.
        assertThat(cleaner.clean("Bonjour, question cimetière, je fais quoi ? TR: De : Administré Envoyé : mardi 17 "
                + "février 2026 Objet : concession La concession de mes grands-parents a expiré, la commune peut-elle "
                + "la reprendre ?")).doesNotContain("je fais quoi").contains("la commune peut-elle la reprendre ?");
        assertThat(cleaner.clean("La trésorerie ne nous a toujours pas transmis le compte de gestion 2025 et le conseil "
                + "doit voter le compte administratif le 30 avril. Que faire ? TR: De : SGC Envoyé : lundi 2 mars 2026 "
                + "Objet : compte de gestion Bonjour, nous revenons vers vous.")).contains("que faire ?")
                .doesNotContain("revenons");
        // Outlook marks a forward like a reply (« -----Message d'origine----- »): a short question above it asks about it.
        assertThat(cleaner.clean("Vous savez ? -----Message d'origine----- De : Le Maire Envoyé : lundi 16 mars 2026 "
                + "08:00 À : Secrétariat Objet : Délai préfet Combien de temps le préfet a-t-il pour attaquer une "
                + "délibération ?")).doesNotContain("vous savez").contains("combien de temps le prefet a-t-il");
        assertThat(cleaner.clean("Quand ca passe ? ----- Mail transfere ----- De : Mme Martin Envoye : vendredi 24 avril "
                + "2026 13:19 Objet : Encombrants Bonjour, quand passe le ramassage des encombrants sur la commune ?"))
                .doesNotContain("ca passe ?").contains("quand passe le ramassage des encombrants");
        // The note says what was asked: the older mail quoted below stays out.
        assertThat(cleaner.clean("Un artisan me demande s'il doit signer électroniquement son offre. Que répondre ? "
                + "-----Message d'origine----- De : Directrice école Envoyé : lundi 10 novembre 2025 12:25 Objet : "
                + "conseil d'école Bonjour, le conseil d'école aura lieu mardi."))
                .contains("signer electroniquement son offre").doesNotContain("conseil d'ecole");
    }

    @Test
    void a_reply_that_only_passes_the_quoted_mail_on_is_left_out_and_the_quoted_mail_kept() {
        String cleaned = cleaner.clean("Bonjour, pouvez-vous répondre à la question du maire ci-dessous ? Cordialement, "
                + "Sylvie Caron, Mairie de Bellancourt (1 400 hab.) -----Message d'origine----- De : Jean-Marc Duval "
                + "Envoyé : jeudi 12 mars 2026 14:27 À : Secrétariat Mairie Objet : TR: signature délibs Sylvie, faut-il "
                + "que je signe électroniquement les délibérations avant l'envoi en préfecture ?");

        // The reply, its signature (« 1 400 hab. » is no request) and the headers, time included, are left out.
        assertThat(cleaned).doesNotContain("pouvez-vous", "1 400", "envoye", "duval", "14:27")
                .contains("faut-il que je signe electroniquement les deliberations avant l'envoi en prefecture ?");
        // Not when the reply reports a problem of its own, nor when it asks us to act.
        assertThat(cleaner.clean("Nos actes sont bloqués depuis deux jours. Pouvez-vous regarder ? -----Message "
                + "d'origine----- De : Somme Numérique Envoyé : lundi 2 mars 2026 Objet : votre demande Bonjour."))
                .contains("nos actes sont bloques").doesNotContain("votre demande");
    }

    @Test
    void a_formal_letter_is_read_from_its_subject_and_salutation_to_its_closing_formula() {
        String letter = "MAIRIE DE BERCOURT-EN-SANTERRE\n5, rue de Roye – 80500 Bercourt-en-Santerre\n"
                + "Bercourt-en-Santerre, le 27 janvier 2026\nDestinataire : Somme Numérique\nN/Réf : FL-03/26\n"
                + "Objet : Adresse postale de vos services\nMadame, Monsieur,\nJe vous serais obligée de bien vouloir me "
                + "communiquer l'adresse exacte de vos bureaux. Je vous remercie par avance de la suite que vous voudrez "
                + "bien réserver à la présente et vous prie d'agréer, Madame, Monsieur, l'expression de mes sentiments "
                + "respectueux.\nPour le Maire empêché, la Secrétaire de mairie,\nMme Françoise LEMAIRE";

        assertThat(cleaner.clean(letter)).isEqualTo("adresse postale de vos services . je vous serais obligee de bien "
                + "vouloir me communiquer l'adresse exacte de vos bureaux.");
        assertThat(cleaner.clean("Vaucelles, le 20 janvier 2026. Monsieur le Président, quels jours êtes-vous joignables ? "
                + "Dans l'attente de votre réponse, je vous prie de croire, Monsieur le Président, en l'assurance de ma "
                + "considération distinguée. La secrétaire, Mme Monique LECOINTE"))
                .isEqualTo("quels jours etes-vous joignables ?");
    }

    @Test
    void the_headers_of_a_mail_quoted_below_a_reply_are_not_a_letter_head() {
        assertThat(cleaner.clean("bonjour jaimerai un 2e compte sur le partage de fichier pr ma collegue merci "
                + "-----Message d'origine----- De : SGC Péronne Envoyé : lundi 3 mars 2025 14:48 À : Mairie Objet : Envoi "
                + "des pièces Madame, Monsieur, nous accusons réception de vos bordereaux. Cordialement, le SGC"))
                .startsWith("jaimerai un 2e compte sur le partage de fichier");
    }

    @Test
    void a_signature_after_the_last_question_is_left_out_when_it_ends_on_a_phone_number_or_a_postcode() {
        assertThat(cleaner.withoutSignatureAfterQuestion(cleaner.clean("Bonjour, un couple peut-il conclure son PACS en "
                + "mairie ? Annie Lefèvre, secrétaire de mairie, Commune d'Allonville (700 hab.), 80260 Allonville, "
                + "03 22 00 63 21"))).isEqualTo("un couple peut-il conclure son pacs en mairie ?");
        assertThat(cleaner.withoutSignatureAfterQuestion(cleaner.clean("Le maire peut-il prendre un arrêté ? Nicole "
                + "Bocquet — secrétaire de mairie — Mairie de Cardonnette, 80260"))).isEqualTo("le maire peut-il prendre "
                + "un arrete ?");
    }

    @Test
    void an_outlook_signature_with_its_notices_and_the_quoted_mail_is_left_out_after_the_closing_formula() {
        // One line, as a pasted or flattened mail: closing, name, role, address, phone, logo, legal notice, quoted mail.
        assertThat(cleaner.withoutSignatureAfterQuestion(cleaner.clean("Bonjour, Y a-t-il des formations comprises dans "
                + "l'offre ? Notre nouvelle secrétaire n'a jamais utilisé ces outils. Merci Bien cordialement, -- Corinne "
                + "LEMAIRE – Secrétaire de mairie Commune de Fouencamps (80440) ☎ 03 22 09 88 21 ✉ mairie@fouencamps.fr "
                + "Description : logo_mairie [cid:image002.gif@01DC80F6.D0D2422B] Avant d'imprimer ce message, pensez à "
                + "l'environnement. Conformément au règlement (UE) 2016/679 (RGPD), vous disposez d'un droit d'accès. "
                + "De : Somme Numérique Envoyé : mardi 3 juin 2026 15:04 Objet : RE: question > Avez-vous reçu ?")))
                .isEqualTo("y a-t-il des formations comprises dans l'offre ? notre nouvelle secretaire n'a jamais "
                        + "utilise ces outils.");
        assertThat(cleaner.withoutSignatureAfterQuestion(cleaner.clean("c'est quoi exactement « Actes » dans votre "
                + "offre ? Obtenir Outlook pour Android ________________________________ De : Sylvie BOUCHER Envoyé : "
                + "mercredi 9 février 2026 17:22 Objet : RE: Mairie connectée > Bonjour, chez nous c'est la collègue")))
                .isEqualTo("c'est quoi exactement « actes » dans votre offre ?");
    }

    @Test
    void a_note_that_only_forwards_a_mail_gives_way_to_the_mail_forwarded() {
        assertThat(cleaner.clean("Bjr, cf mail ci-dessous, merci de votre retour Cordialement. Karine POULAIN Adjoint "
                + "administratif MAIRIE DE LALEU 1 rue Principale 80270 Laleu 03 22 28 44 61 De : Francis LEBLOND "
                + "<maire.laleu@orange.fr> Envoyé : mercredi 21 janvier 2026 16:02 À : Karine POULAIN Objet : TR: RE: "
                + "Demande Enregistre notre candidature à Mairie connectée, la délib est passée hier soir."))
                .doesNotContain("poulain").contains("enregistre notre candidature");
        // A note asking its own question keeps it, without the mail below.
        assertThat(cleaner.clean("qui a créé le système ACTES ? l'Etat ? Julie De : Somme Numérique Envoyé : mardi 3 "
                + "juin 2026 15:04 À : Mairie de Tours Objet : RE: Mairie connectée > Bonjour, Nous accusons réception"))
                .isEqualTo("qui a cree le systeme actes ? l'etat ? julie");
    }

    @Test
    void our_own_mail_quoted_below_a_reply_is_never_what_is_asked() {
        assertThat(cleaner.clean("Re : RE : Piratage Bonjour, je crois que mon compte a été piraté : j'ai reçu un mail de "
                + "connexion depuis un pays étranger. Que faire ? Merci de répondre vite. > Le mer. 14 juin 2026, Somme "
                + "Numérique a écrit : > Madame, Monsieur, nous accusons réception de votre courriel"))
                .contains("mon compte a ete pirate").doesNotContain("accusons reception");
        // A reply that says too little of its own still reads the mail quoted.
        assertThat(cleaner.clean("Re: Adhésion > Le 12/03, Somme Numérique a écrit : > Pour finaliser, merci de nous "
                + "retourner la charte signée. ---- C'est signé, je vous renvoie le tout en PJ."))
                .contains("c'est signe");
    }

    @Test
    void thanks_that_ask_for_something_are_no_closing_formula() {
        String cleaned = cleaner.clean("c'est de l'argent européen ? quel fonds ? merci de nous envoyer la convention, "
                + "mairie de Cahon");
        assertThat(cleaner.withoutSignatureAfterQuestion(cleaned)).contains("merci de nous envoyer la convention");
    }

    @Test
    void a_sentence_after_the_last_question_is_no_signature() {
        String cleaned = cleaner.clean("La formation du 18 a été annulée ? Personne n'était là à l'heure dite à la salle. "
                + "Mairie de Beaucourt-en-Santerre, 03 22 00 00 01");
        assertThat(cleaner.withoutSignatureAfterQuestion(cleaned)).isEqualTo(cleaned);
    }

    @Test
    void our_name_after_the_greeting_is_a_greeting_only_with_a_break_after_it() {
        assertThat(cleaner.clean("Bonjour Somme Numérique, vous êtes ouverts samedi ?")).isEqualTo("vous etes ouverts samedi ?");
        assertThat(cleaner.clean("Bonjour, Somme Numérique s'appelait comment avant ?"))
                .isEqualTo("somme numerique s'appelait comment avant ?");
    }

    @Test
    void mail_notices_and_image_placeholders_are_left_out_and_the_quoted_mail_below_them_kept() {
        String cleaned = cleaner.clean("Qui est le président de Somme Numérique ? [Marianne – République française] "
                + "P Avant d'imprimer, pensez à l'environnement. *** Ce message est confidentiel. S'il ne vous est pas "
                + "destiné, merci de le supprimer et d'en informer l'expéditeur. *** [cid:image001.png@01DB2823.59351948] "
                + "Description : Description : logo_commune_couleur Conformément au Règlement général sur la protection "
                + "des données (RGPD), les données vous concernant sont traitées par la commune. -----Message "
                + "d'origine----- De : Francis Hémart Envoyé : mardi 17 février 2025 15:52 Objet : question");

        assertThat(cleaned).startsWith("qui est le president de somme numerique ?")
                .doesNotContain("supprimer", "imprimer", "confidentiel", "marianne", "cid:", "logo", "reglement");
    }

    @Test
    void words_that_open_a_notice_stay_when_the_person_asks_with_them() {
        assertThat(cleaner.clean("Conformément au RGPD, les données des administrés doivent-elles avoir un DPO ?"))
                .isEqualTo("conformement au rgpd, les donnees des administres doivent-elles avoir un dpo ?");
    }

    @Test
    void a_signature_with_a_role_and_phone_numbers_but_no_closing_formula_is_left_out_of_the_message_decided() {
        String cleaned = cleaner.withoutSignatureAfterQuestion(cleaner.clean("Le PDF tamponné téléchargé depuis Actes "
                + "est complètement vide. Sandrine Dubois Secrétaire de mairie – Limeux & Belloy-sur-Somme (poste "
                + "mutualisé) Limeux : lundi, mardi / Belloy : jeudi, vendredi Tél. mairie : 03 22 83 11 80 Portable "
                + "(urgences uniquement) : 06 21 35 43 24 Pensez à l'environnement : n'imprimez ce courriel que si "
                + "nécessaire."));

        assertThat(cleaned).isEqualTo("le pdf tamponne telecharge depuis actes est completement vide.");
    }

    @Test
    void a_new_secretary_named_in_a_request_with_her_address_is_not_a_signature() {
        assertThat(cleaner.withoutSignatureAfterQuestion(cleaner.clean("Bonjour. Une nouvelle secrétaire de mairie a "
                + "pris ses fonctions lundi. Merci de lui créer un compte sur Actes : Mme Laura Petit, "
                + "mairie.lignieres@orange.fr.")))
                .contains("nouvelle secretaire de mairie", "creer un compte", "mairie.lignieres@orange.fr");
    }

    @Test
    void a_negation_typed_on_a_phone_is_written_out() {
        assertThat(cleaner.clean("la visio marche pa, pa de son, toujour pa d AR"))
                .isEqualTo("la visio marche pas, pas de son, toujours pas d ar");
        assertThat(cleaner.clean("le PA-12 et la pause")).isEqualTo("le pa-12 et la pause");
    }

    @Test
    void the_subject_of_a_mail_quoted_below_does_not_make_the_request_above_it_a_letter_head() {
        String cleaned = cleaner.clean("Bonjour, la commune souhaite adhérer à l'offre Mairie connectée. Merci de nous "
                + "transmettre la charte et la convention à faire signer par M. le Maire. Veuillez agréer, Madame, "
                + "Monsieur, l'expression de mes salutations distinguées. Pour le Maire et par délégation, La secrétaire "
                + "de mairie, S. LEROY ________________________________ De : Bernard LESAGE <b.lesage@wanadoo.fr> "
                + "Envoyé : vendredi 4 septembre 2026 15:57 À : Secrétariat Objet : TR: RE: conseil municipal "
                + "Pouvez-vous me rappeler quand vous aurez un moment ? Merci");

        assertThat(cleaned).contains("souhaite adherer", "transmettre la charte").doesNotContain("salutations");
    }
}
