package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a mail program or a commune's mail server adds around what the person wrote, in normalized text: the
 * confidentiality notice (« … merci de le supprimer et d'en informer l'expéditeur »), the note on the environment, the
 * data-protection notice, and images' placeholders (« [image: blason.jpg] », « [cid:image001.png@…] »). They name no
 * matter, and their words read as requests (« supprimer »), incidents (« non conforme ») or topics (« règlement
 * général sur la protection des données »).
 */
final class MailNotices {

    /** An image or logo left as text where the signature showed it. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(?:image|logo|banniere|blason|cid|marianne|photo"
            + "|signature|description|icone|picto|facebook|twitter|instagram|linkedin)[^\\]\\[]{0,150}\\]"
            + "|\\[[^\\]\\[\\s]{1,60}\\.(?:png|jpe?g|gif|bmp)\\]|(?:\\bdescription ?: ?)+\\S*(?:logo|image|_)\\S*");
    /**
     * The letters a notice opens with (« p », « avant », « pensez », « n'imprimez », « ce », « s'il », « si »,
     * « conformement », « avertissement », « avis », « les »): looked at first, at each character of the mail, instead
     * of every way a notice opens.
     */
    private static final String NOTICE_FIRST_LETTERS = "(?=[aclnps])";
    /**
     * How a notice opens. It runs on to the mail quoted below it, or to the end; it asks nothing, so a question mark
     * before that means the words were the person's own.
     */
    private static final Pattern NOTICE = Pattern.compile(NOTICE_FIRST_LETTERS + "(?:(?:\\bp )?\\bavant d'imprimer"
            + "|\\bpensez a (?:l'environnement|la planete)|\\bn'imprimez (?:ce|cet|ce message)|\\bce (?:message|courriel|mail|e-mail|courrier electronique)"
            + "(?: et (?:toutes |tous )?(?:les|ses|leurs) (?:pieces jointes|fichiers joints|eventuelles pieces jointes))?"
            + " (?:est|sont) (?:strictement )?(?:confidentiel|personnel|etabli|analyse|protege)"
            + "|\\bce (?:message|courriel) (?:et ses pieces jointes )?(?:a|ont) ete (?:analyse|verifie)"
            + "|\\bs'il ne vous est pas destine|\\bsi vous (?:n'etes pas le destinataire|avez recu ce (?:message|courriel)"
            + " par erreur)|\\bconformement au (?:reglement general sur la protection des donnees|rgpd|reglement \\(ue\\))"
            + "[^?]{0,40}les donnees|\\bavertissement ?: les informations|\\bavis de confidentialite\\b"
            + "|\\bles echanges par (?:courriel|mail|messagerie)[^?]{0,60}ne valent pas)");
    /** Where a notice ends at the latest: the mail quoted or forwarded below it. */
    private static final Pattern QUOTED_BELOW = Pattern.compile("\\ble (?:(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\\.? )?"
            + "\\d{1,2}(?:er)? \\p{L}+\\.? \\d{4}\\b|\\b(?:de|from) ?: |-{3,}|_{4,}|\\bmessage d'origine|\\bforwarded message");
    private static final int MAX_NOTICE = 900;
    private static final Pattern STARS = Pattern.compile("\\*{2,}");

    private MailNotices() {
    }

    static String remove(String text) {
        String s = text.indexOf('[') >= 0 || text.contains("description") ? PLACEHOLDER.matcher(text).replaceAll(" ") : text;
        s = s.indexOf('*') >= 0 ? STARS.matcher(s).replaceAll(" ") : s;
        return withoutNotices(s);
    }

    private static String withoutNotices(String text) {
        StringBuilder kept = new StringBuilder();
        int from = 0;
        Matcher notice = NOTICE.matcher(text);
        Matcher below = QUOTED_BELOW.matcher(text);
        while (notice.find(from)) {
            int end = Math.min(below.find(notice.end()) ? below.start() : text.length(), notice.start() + MAX_NOTICE);
            if (text.substring(notice.start(), end).indexOf('?') >= 0) {
                // the person's own words, or a notice running into them: left as they are
                kept.append(text, from, notice.end());
                from = notice.end();
            } else {
                kept.append(text, from, notice.start()).append(' ');
                from = end;
            }
        }
        return kept.append(text.substring(from)).toString();
    }
}
