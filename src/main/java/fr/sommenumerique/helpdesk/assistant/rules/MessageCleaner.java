package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what surrounds a question in a message: the greeting, the thanks, the closing formula and the signature
 * block after it, so that they do not sway the decision. Works on, and returns, normalized text
 * ({@link TextNormalizer}): every later rule and the search compare that form anyway.
 */
public final class MessageCleaner {

    // « Bonjour Somme Numérique, … » greets us; « Bonjour, Somme Numérique s'appelait comment avant ? » asks about us:
    // a name that can be the subject of the question is a greeting only with a break after it.
    private static final String TITLES = "(?:madame|monsieur|mesdames|messieurs|mme|mr|m\\.|cher|chere|chers|cheres"
            + "|(?:a tous|a toutes|tous|toutes|l'equipe|equipe|le support|support|somme numerique|de somme numerique)"
            + "(?=[ ]*(?:[,!.;:-]|$)))";
    private static final Pattern LEADING_GREETING = Pattern.compile(
            "^(?:(?:bonjour|bonsoir|bjr|salut|slt|hello|coucou|madame|monsieur|mesdames|messieurs|cher|chere|chers|cheres)\\b"
                    + "(?:[ ,]+" + TITLES + "\\b)*[ ,!.;:-]*)+");
    private static final String THANKS = "(?:merci|(?:je|nous) vous (?:en )?(?:remercie|remercions))(?: beaucoup| bien| bcp)?"
            + "(?: d'avance| par avance)?(?: de votre (?:aide|reponse|retour|attention)"
            + "| pour votre (?:aide|reponse|retour|attention))?";
    /** Closing formulas a line or a signature block opens with. */
    private static final String CLOSING_FORMULA = "(?:bien |tres )?cordialement|cdlt|cdt|bien a vous|respectueusement"
            + "|bonne (?:journee|soiree|fin de journee)";
    /** A line that is only a closing formula; what follows it is the signature. */
    private static final Pattern CLOSING_LINE = Pattern.compile(
            "^(?:" + CLOSING_FORMULA + "|a bientot|(?:sinceres )?salutations(?: distinguees)?|en vous remerciant.*|" + THANKS
                    + "|dans l'attente de votre (?:retour|reponse).*|veuillez agreer.*|je vous prie d'agreer.*|--)[ ,.!]*$");
    /** Thanks or a closing formula at the very end of the remaining text. */
    private static final Pattern TRAILING_POLITENESS = Pattern.compile(
            "(?:[ ,.;!]*\\b(?:" + THANKS + "|cordialement|cdlt|bonne journee|svp|s'il vous plait|stp|a bientot)[ ,.!]*)+$");
    private static final int MAX_SIGNATURE_LINES = 8;
    /**
     * A letter's closing, from the thanks or the wait that lead to it: « Je vous remercie par avance de la suite que vous
     * voudrez bien réserver à la présente et vous prie d'agréer… », « Dans l'attente de votre réponse, je vous prie de
     * croire… », « Veuillez recevoir… ».
     */
    private static final String LETTER_CLOSING = "(?:(?:je|nous) vous remerci\\w* (?:par avance|d'avance|de l'attention"
            + "|de la suite|de votre)[^?!]{0,160}?|dans l'attente de [^?!.]{0,80}?)?"
            + "(?:(?:et )?(?:je |nous )?vous pri(?:e|ons) |veuillez ?)(?:de |d' ?)?(?:bien vouloir )?"
            + "(?:agreer|croire|recevoir|accepter)\\b[^?!]{0,300}";
    /** Not the headers of a mail quoted or forwarded below a reply (« De : SGC Péronne Envoyé : … Objet : … »). */
    private static final String QUOTED_HEADER = "\\bde ?: |\\benvoye ?: |\\ba ecrit\\b|message d'origine|message transfere";
    /**
     * A formal letter's head, before its salutation: the commune's address, « Rue, le 20 janvier 2026 », the
     * addressee, « N/Réf : », « Objet : ». The subject says what the letter is about; the rest names no matter.
     */
    private static final List<String> LETTER_MONTHS = List.of("janvier", "fevrier", "mars", "avril", "mai", "juin",
            "juillet", "aout", "septembre", "octobre", "novembre", "decembre");
    private static final Pattern LETTER_HEAD = Pattern.compile("^(?=(?:(?!" + QUOTED_HEADER + ")[^?!]){0,600}?"
            // (the date or subject of the letter itself, not of a mail quoted below its closing formula)
            + "(?:\\ble \\d{1,2}(?:er)? (?:janvier|fevrier"
            + "|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre) \\d{4}\\b|\\bobjet ?:|\\bn/ ?ref\\b))"
            + "(?:(?!" + QUOTED_HEADER + ")[^?!]){0,600}?(?:\\bobjet ?: ?([^?!]{1,120}?) )?(?:madame,? monsieur"
            + "|mesdames,? messieurs"
            + "|(?:monsieur|madame) l[ea] (?:president|presidente|directeur|directrice|maire|responsable)"
            + "|madame|monsieur),");
    /**
     * « … ? Cordialement, Laurence Petit, secrétaire de mairie de X » or « … ? Merci. Nadine Caron, mairie de V,
     * tél. 03 … » written on one line, as phones do; a signature may hold a full stop (« tél. »), never a question.
     */
    private static final Pattern INLINE_SIGNATURE = Pattern.compile(
            "(?<=[.?!]) (?:(?:bien |tres )?(?:cordialement|cdlt|bien a vous|respectueusement"
                    + "|(?:avec )?(?:mes |nos )?(?:sinceres |meilleures )?salutations(?: distinguees)?)\\b[^?!]{0,150}"
                    + "|(?:" + THANKS + "|avec (?:mes|nos) remerciements)[,.!][^?!]{0,150}"
                    // (at the end, or above the line a mail program draws over the mail it quotes)
                    + "|" + LETTER_CLOSING + ")(?:$|(?= _{4,}))");

    /**
     * A signature with no closing formula after the last question (« … en mairie ? Annie Lefèvre, secrétaire de mairie,
     * Commune d'Allonville, 80260 Allonville, 03 22 00 63 21 »): names, a role, an address that end on a phone number
     * or a postcode. It names no matter, and its words (« mairie », « secrétaire ») draw articles.
     */
    private static final Pattern SIGNATURE_AFTER_QUESTION = Pattern.compile("(?<=\\?) (?=[^?.]{0,80}\\b(?:secretaire|maire"
            + "|adjointe?|mairie|commune)\\b)[^?]{5,220}?(?:\\b0\\d(?:[ .]?\\d\\d){4}|\\b80 ?\\d{3}\\b[^?\\d]{0,40})[ .]*$");
    /**
     * « … à quelle date ? Merci Angélique Dufour Mairie de Bussy … Tél. : 03 22 … [cid:image004.png] … Conformément au
     * règlement (UE) 2016/679 … »: a closing formula after a question (and the sentences that follow it; looked for
     * from the first question mark on, see {@link #withoutSignatureBlock}), then, close behind it, what only a
     * signature holds (a phone number, an e-mail address, a role, a commune, a logo). Everything from the closing on is
     * the signature, its notices and the mail quoted below it, however long: a reply's question is above them.
     */
    private static final Pattern SIGNATURE_BLOCK = Pattern.compile("(?<=[?.!])(?: +(?:" + THANKS + "|" + CLOSING_FORMULA
            + "|(?:(?:mes|nos) )?(?:sinceres |meilleures )?salutations(?: distinguees)?)"
            // « merci de nous envoyer la convention » asks for something: no closing formula
            + "(?! (?:de|d'|pour)\\b)[ ,.!-]*)+"
            + "(?=[^?]{0,160}?(?:\\b0\\d(?:[ .]?\\d\\d){4}\\b|\\S@\\S|\\bcid:|☎|\\btel\\b|\\bsecretai\\w*|\\bmairie de\\b"
            + "|\\bcommune de\\b|\\b80 ?\\d{3}\\b)).*$");
    /** A phone number or an e-mail address, as a signature gives them. */
    private static final String CONTACT = "(?:\\b0\\d(?:[ .]?\\d\\d){4}\\b|\\S+@\\S+\\.\\p{L}{2,4}\\b)";
    /**
     * « … complètement vide. Sandrine Dubois Secrétaire de mairie – Limeux (poste mutualisé) Tél. mairie : 03 22 … Portable
     * : 06 … », with no closing formula, wherever it stands (a quoted mail may follow): a name, a secretary's role, then
     * phone numbers or e-mail addresses close behind. Its words (« mairie », « mutualisé », the days) name no matter.
     */
    private static final Pattern SIGNATURE_WITH_CONTACT = Pattern.compile("(?<=[.?!] )"
            // a first and a last name, not « une nouvelle secrétaire … » nor « pour la secrétaire »
            + "(?!(?:le|la|les|un|une|notre|votre|nouvelle|nouveau|de|du|des|et|a|au|en|pour|par|mme|mr|m\\.) )"
            + "[\\p{L}.'-]+ (?!(?:de|du|des|la|le|et|a|au|en|notre|votre|nouvelle|nouveau) )[\\p{L}'-]+"
            + " (?:secretaire|adjoint(?:e)? administrati\\w*|agent administrati\\w*|redact\\w+ territoria\\w*|attache"
            + " territoria\\w*)\\b[^?]{0,200}?" + CONTACT + "(?:[^?]{0,60}?" + CONTACT + ")*");
    /** The spaces and dots a signature left behind a sentence's end (compiled once, not at every call). */
    private static final Pattern TRAILING_DOTS_AFTER_END = Pattern.compile("(?<=[.?!])[ .]+$");
    /** « … ? Obtenir Outlook pour Android », « Envoyé de mon iPhone »: what follows is the mail quoted below. */
    private static final Pattern PHONE_MAIL_FOOTER = Pattern.compile("(?<=[?.!]) +(?:(?:obtenir|telecharger) outlook pour"
            + "|get outlook for|envoye (?:de|depuis) (?:mon|un) (?:iphone|ipad|smartphone|telephone|mobile|android|samsung)"
            + "|envoye a partir de courrier pour windows).*$");
    /** « ça marche pa », « toujour pa d'AR »: the negation as typed on a phone, written out for the rules that read it. */
    private static final Pattern SMS_NEGATION = Pattern.compile("\\b(?:toujour )?pa\\b(?!-)");
    /** The label of a forwarding separator (« -------- Message transféré -------- »). */
    private static final String FORWARD_LABEL = "message transfere|mail transfere|courriel transfere|original message"
            + "|forwarded message|debut du message (?:reexpedie|transfere)";
    /**
     * What a mail program adds when a message is forwarded or quoted: « ----- Message transféré ----- », « TR : »,
     * « De : Mairie de Long À : secrétariat Objet : », « > ». It names no matter; a sentence break stands for it, so
     * that the mayor's question quoted below is read as a question of its own.
     */
    private static final Pattern FORWARD_SEPARATOR = Pattern.compile("-{2,} ?(?:" + FORWARD_LABEL + "|message d'origine)?"
            + " ?-{2,}|(?<=^|\\s)-{3,}");
    /** A header's value: no colon but the one of a time (« Envoyé : jeudi 12 mars 2026 14:27 »). */
    private static final String HEADER_VALUE = "(?:[^:«»?!]|(?<=\\d):(?=\\d))";
    private static final Pattern FORWARD_SUBJECT_PREFIX = Pattern.compile("(?<=^|[.>] )(?:(?:tr|fwd?|re) ?: ?)+");
    private static final Pattern FORWARD_HEADER = Pattern.compile("\\b(?:de|from) ?: " + HEADER_VALUE + "{1,80}?"
            + "(?: (?:/ )?(?:a|pour|to|envoye|date|cc) ?: " + HEADER_VALUE + "{1,60}?)*"
            + "(?: (?:/ )?(?:objet|sujet|subject) ?: )"
            + "|^(?:objet|sujet) ?: ");
    /** « Bonjour, je vous transfère la demande de M. le Maire. », « voir ci-dessus »: says a message is forwarded. */
    private static final Pattern FORWARD_NOTE = Pattern.compile("\\b(?:je|nous) vous (?:transfere|transmets|fais suivre|"
            + "relaie)\\w* (?:la|le|les|ce|cette|ces) (?:demande|question|message|mail|courriel)s?\\b[^.?!:]{0,60}[.!]?"
            + "|\\b(?:voir|cf\\.?) ci-(?:dessus|dessous)[.!,]?");
    /**
     * Where a reply quotes the earlier mail: « Le mar. 3 juin 2025 à 10:12, X a écrit : », « On … wrote: »,
     * « -----Message d'origine----- ». Not « le maire m'a écrit » (a date follows « le »).
     */
    private static final Pattern REPLY_QUOTE = Pattern.compile("\\ble (?:(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\\.? )?\\d{1,2}"
            + "[ /.-][^?!]{0,160}? a ecrit ?:|\\bon [a-z]{3}[^?!]{0,160}? wrote ?:|-{2,} ?message d'origine ?-{2,}");
    /**
     * Where a forwarded mail starts below the note that forwards it: « -------- Message transféré -------- », « De : X
     * Envoyé : … » (its headers are taken out later, with the other forwarding marks).
     */
    private static final Pattern FORWARDED_MAIL = Pattern.compile("-{2,} ?(?:" + FORWARD_LABEL + ") ?-{2,}"
            + "|\\b(?:de|from) ?: [^:?!]{1,80}? (?:envoye|date|sent) ?: ");
    /** The quoted mail is ours (« Le mer. 14 juin 2026, Somme Numérique a écrit : », our acknowledgement). */
    private static final Pattern QUOTES_US = Pattern.compile("\\b(?:somme numerique|mairie connectee)\\b");
    /** What the reply itself says must hold a question, or this many words, for the quoted mail to be left out. */
    private static final int MIN_OWN_REPLY_WORDS = 6;
    /** A question above a forwarded or quoted mail in this many words or fewer asks about that mail. */
    private static final int MAX_WORDS_ASKING_ABOUT_FORWARD = 4;
    /** « le maire me transmet ça, je fais quoi ? »; longer, the note tells its own matter (« la trésorerie … »). */
    private static final int MAX_WORDS_ASKING_WHAT_TO_DO = 10;
    /**
     * « pouvez-vous nous répondre ? », « voir ci-dessous, pouvez-vous regarder ? », « pouvez-vous répondre aux deux
     * questions du maire ? »: the reply asks us to answer what the quoted mail asks.
     */
    private static final Pattern POINTS_TO_QUOTE = Pattern.compile("\\bci-?dessous\\b|\\ben dessous\\b"
            + "|\\b(?:pouvez|pourriez)[- ]vous (?:nous |me |lui |leur |y )?(?:repondre|regarder|voir|traiter|aider|eclairer|"
            + "renseigner|confirmer ce qu)\\b(?! (?:sur|pour|a propos|concernant|au sujet)\\b)"
            + "|\\bmerci de (?:nous |me |lui |y )?(?:repondre|regarder)\\b"
            + "|\\b(?:la|les|sa|ses) (?:remarques?|questions?) (?:du maire|de (?:m\\.|mme|monsieur|madame|notre|nos) "
            + "|de l'adjoint|du conseiller)");
    /**
     * « que dois-je lui répondre ? », « je lui dis quoi ? », « vous pouvez m'aider à lui répondre ? »: what to answer
     * the person whose mail is quoted, unless the reply itself says what was asked (« un artisan me demande s'il doit
     * signer son offre. Que répondre ? »).
     */
    private static final Pattern ASKS_WHAT_TO_ANSWER = Pattern.compile("\\b(?:que|quoi) (?:dois-je|je dois|puis-je|"
            + "faut-il|doit-on|on doit) (?:lui |leur |y )?(?:repondre|dire)\\b"
            + "|\\bque (?:lui |leur |y )?(?:repondre|dire|conseiller)\\b|\\bqu'est-ce que je (?:lui |leur )?(?:reponds|dis)\\b"
            + "|\\bje (?:lui |leur |y )?(?:reponds|repond|dis) (?:quoi|koi|oui ou non)\\b"
            + "|\\b(?:m'aider|nous aider) a (?:lui |leur |y )?repondre\\b");
    /**
     * « le maire me transmet ça, je fais quoi ? », « les entreprises se plaignent, que faire ? », « vous savez ? »:
     * above a forwarded or quoted mail, asks us about what that mail says.
     */
    private static final Pattern ASKS_ABOUT_THE_FORWARD = Pattern.compile("\\b(?:je|on) (?:fais|fait) (?:quoi|koi|comment)\\b"
            + "|\\bque (?:dois-je |doit-on |faut-il )?faire\\b|\\bquoi (?:lui |leur )?repondre\\b"
            + "|\\bvous (?:savez|avez|connaissez|confirmez|pouvez (?:confirmer|gerer|m'aider))\\b|\\bje (?:lui )?confirme quoi\\b");
    private static final Pattern REPORTS_THE_QUESTION = Pattern.compile("\\b(?:me|nous|m'a|nous a) demande\\w* "
            + "(?:si|s'il|s'ils|s'elle|comment|combien|quand|qui|quel\\w*|ou|pourquoi)\\b");
    private static final Pattern QUOTE_MARK = Pattern.compile("(?<=^|\\s)>+(?=\\s|$)");
    /** Two spaces or more: a single space is left as it is, not replaced by itself at every word. */
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    /** Sentence breaks left at the start, or several in a row, where headers were taken out. */
    private static final Pattern LEADING_BREAKS = Pattern.compile("^[ .]+");
    private static final Pattern REPEATED_BREAKS = Pattern.compile("(?: \\.)+(?= \\.)");

    public String clean(String text) {
        if (text == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            lines.add(spelledOut(TextNormalizer.normalize(line)));
        }
        cutSignature(lines);
        String joined = INLINE_SIGNATURE.matcher(withoutForwarding(withoutQuotedMail(withoutLetterHead(
                singleSpaced(MailNotices.remove(String.join(" ", lines))))))).replaceFirst("");
        String withoutGreeting = LEADING_GREETING.matcher(joined).replaceFirst("");
        return TRAILING_POLITENESS.matcher(withoutGreeting).replaceFirst("").strip();
    }

    /**
     * A cleaned message without the signature after its question: a signature block behind a closing formula (with
     * the notices and the mail quoted below it), a phone mail program's footer, or a signature with no closing formula
     * after the last question. Applied to the message decided, not to the training examples: the classifier learned
     * with such signatures in its examples.
     */
    public String withoutSignatureAfterQuestion(String cleaned) {
        String withoutBlock = withoutSignatureWithContact(PHONE_MAIL_FOOTER.matcher(withoutSignatureBlock(cleaned))
                .replaceFirst(""));
        return SIGNATURE_AFTER_QUESTION.matcher(withoutBlock).replaceFirst("").strip();
    }

    /** The signature block, looked for after the first question only (a look-behind that far back costs too much). */
    private static String withoutSignatureBlock(String text) {
        int question = text.indexOf('?');
        if (question < 0) {
            return text;
        }
        Matcher block = SIGNATURE_BLOCK.matcher(text).region(question, text.length()).useTransparentBounds(true);
        return block.find() ? text.substring(0, block.start()) : text;
    }

    /**
     * What the person wrote of their own, normalized: the text before its first closing formula, without greeting
     * nor thanks. Empty for « Bonjour, / Cordialement, / Marie Durand / Secrétaire de mairie », where
     * {@link #clean} keeps the signature (no content before the closing formula to tell it from a question).
     */
    public String ownWords(String text) {
        if (text == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            String normalized = TextNormalizer.normalize(line);
            if (CLOSING_LINE.matcher(normalized).matches()) {
                break;
            }
            lines.add(normalized);
        }
        return clean(String.join("\n", lines));
    }

    /**
     * « Bonjour, une délib est exécutoire à quelles conditions ? … Le mer. 24 déc. 2025 à 12:16, CC … a écrit : >
     * Bonjour à toutes et à tous, … »: the new question is above the quoted mail, which is history. The quote stays
     * when the reply says too little on its own, or only asks us to answer it (« voir ci-dessous », « pouvez-vous
     * répondre aux questions du maire ? »): then it holds what is asked.
     */
    private static String withoutQuotedMail(String text) {
        Matcher reply = REPLY_QUOTE.matcher(text);
        Matcher forwarded = FORWARDED_MAIL.matcher(text);
        boolean replied = reply.find();
        boolean forwards = forwarded.find() && (!replied || forwarded.start() < reply.start());
        if (!replied && !forwards) {
            return text;
        }
        int start = forwards ? forwarded.start() : reply.start();
        if (start == 0) {
            return text;
        }
        String own = text.substring(0, start);
        String ownWords = TRAILING_POLITENESS.matcher(LEADING_GREETING.matcher(own.strip()).replaceFirst("")).replaceFirst("");
        long words = TextNormalizer.words(ownWords);
        boolean saysEnough = own.contains("?") || words >= MIN_OWN_REPLY_WORDS;
        // Our own earlier mail, quoted below a reply that says enough (« nous accusons réception de votre courriel »),
        // is never what the commune asks, even when the reply says « merci de répondre vite ».
        if (saysEnough && QUOTES_US.matcher(forwards ? forwarded.group() : reply.group()).find()) {
            return own;
        }
        // « Vous savez ? », « Qui signe ? », « je fais quoi ? » above « -----Message d'origine----- » or a forwarded
        // mail: a question of a few words, or one asking what to do, asks about the mail below.
        boolean asksAboutIt = own.contains("?") && (words <= MAX_WORDS_ASKING_ABOUT_FORWARD
                || words <= MAX_WORDS_ASKING_WHAT_TO_DO && ASKS_ABOUT_THE_FORWARD.matcher(own).find());
        boolean pointsToQuote = POINTS_TO_QUOTE.matcher(own).find() || asksAboutIt
                || ASKS_WHAT_TO_ANSWER.matcher(own).find() && !REPORTS_THE_QUESTION.matcher(own).find();
        if (pointsToQuote && Signals.incident(own).isEmpty()) {
            // What the reply says only passes the quoted mail on (its signature, « 1 400 hab. », is no request): the
            // quoted mail alone is what is asked; unless the reply asks us to act (« créez le compte de la personne
            // ci-dessous ») or reports a problem of its own (« nos actes sont bloqués … Pouvez-vous regarder ? »).
            return Signals.asksToAct(own).isEmpty() ? text.substring(forwards ? start : reply.end()) : text;
        }
        if (forwards) {
            // A note that forwards a mail says little of its own beyond its signature: the mail stays, unless the note
            // asks a question of its own. Another question of ten words or fewer (« qui a donné l'accord ? ») is read
            // with the mail it points to.
            return own.contains("?") && words > MAX_WORDS_ASKING_WHAT_TO_DO ? own : text;
        }
        return saysEnough ? own : text;
    }

    private static String withoutSignatureWithContact(String text) {
        return singleSpaced(text.contains("secretai") || text.contains("administrati") || text.contains("territoria")
                ? TRAILING_DOTS_AFTER_END.matcher(SIGNATURE_WITH_CONTACT.matcher(text).replaceAll(" . ")).replaceFirst("")
                : text);
    }

    /** A letter is read from its salutation on, after its subject line (« Horaires du vendredi . »). */
    private static String withoutLetterHead(String text) {
        if (!mayHaveLetterHead(text)) {
            return text;
        }
        Matcher head = LETTER_HEAD.matcher(text);
        if (!head.find()) {
            return text;
        }
        String subject = head.group(1);
        return (subject == null ? "" : subject.strip() + " . ") + text.substring(head.end()).strip();
    }

    /**
     * Whether the text holds words every letter head holds: a salutation, and a subject, a reference or a month of its
     * date. Looking for the head itself, at every character of the first few hundred, took a fortieth of a decision,
     * and most messages are no letter.
     */
    private static boolean mayHaveLetterHead(String text) {
        return (text.contains("madame") || text.contains("monsieur") || text.contains("mesdames"))
                && (text.contains("objet") || text.contains("n/") || LETTER_MONTHS.stream().anyMatch(text::contains));
    }

    // Called for every message and every training example: the patterns are compiled once. Each mark is looked for
    // only in a text holding the character or word every match of it holds (most texts forward nothing): scanning a
    // long mail for each took a twentieth of a decision.
    private static String withoutForwarding(String text) {
        String s = text.indexOf('>') >= 0 ? QUOTE_MARK.matcher(text).replaceAll(" ") : text;
        s = singleSpaced(s.contains("--") ? FORWARD_SEPARATOR.matcher(s).replaceAll(" . ") : s);
        s = s.indexOf(':') >= 0 ? FORWARD_HEADER.matcher(s).replaceAll(" . ") : s;
        s = s.contains("vous") || s.contains("ci-") ? FORWARD_NOTE.matcher(s).replaceAll(" ") : s;
        s = singleSpaced(s);
        s = s.indexOf(':') >= 0 ? FORWARD_SUBJECT_PREFIX.matcher(s).replaceAll("") : s;
        s = REPEATED_BREAKS.matcher(LEADING_BREAKS.matcher(s).replaceFirst("")).replaceAll("");
        return singleSpaced(s);
    }

    private static String spelledOut(String line) {
        return line.contains("pa") ? SMS_NEGATION.matcher(line).replaceAll(m -> m.group().startsWith("toujour")
                ? "toujours pas" : "pas") : line;
    }

    private static String singleSpaced(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    // A closing formula after some content, followed by a short block: the block is a signature.
    private static void cutSignature(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (CLOSING_LINE.matcher(lines.get(i)).matches() && lines.size() - i - 1 <= MAX_SIGNATURE_LINES
                    && lines.subList(0, i).stream().anyMatch(l -> !LEADING_GREETING.matcher(l).replaceFirst("").isBlank())) {
                lines.subList(i, lines.size()).clear();
                return;
            }
        }
    }
}
