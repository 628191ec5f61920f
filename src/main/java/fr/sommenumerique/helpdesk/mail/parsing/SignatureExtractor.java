package fr.sommenumerique.helpdesk.mail.parsing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the signature block at the end of a reply: "-- " delimiter, mobile client lines (« Envoyé de
 * mon iPhone », "Sent from my …"), a closing formula (« Cordialement, » …) followed by a short
 * name/title block, or a short trailing block naming the sender or holding contact details. Commune
 * secretaries sign « Secrétaire de mairie de Xxx »: the block is returned, not thrown away.
 */
public final class SignatureExtractor {

    /**
     * @param body      text without the signature
     * @param signature the signature block, empty when none was found
     */
    public record SignatureSplit(String body, String signature) {
    }

    static final int SIGNATURE_MAX_LINES = 11;
    private static final int MAX_SIGNATURE_LINE = 60;

    private static final Pattern DELIMITER = Pattern.compile("^(?:-- ?|--|__|—+|_{2,})\\s*$");
    private static final Pattern DASH_LINE = Pattern.compile("^\\s*-{4,}\\s*$");
    private static final Pattern MOBILE = Pattern.compile(
            "^\\s*(?:"
                    + "Envoyé (?:de|depuis|à partir de) (?:mon|ma|mes|un|une|l'|le|la|Outlook|Yahoo|Mail|Orange|SFR|Free)[\\p{L}\\p{N} '’.,&/()+-]{0,60}"
                    + "|Envoyé avec [\\p{L}\\p{N} '’.,&/()+-]{1,40}"
                    + "|Obtenir Outlook pour [\\p{L} ]{2,20}"
                    + "|Télécharger Outlook pour [\\p{L} ]{2,20}"
                    + "|Get Outlook for [\\p{L} ]{2,20}"
                    + "|Sent from my [\\p{L}\\p{N} '’&-]{1,40}"
                    + "|Sent from (?:Mail|Outlook|Yahoo Mail|Samsung Mobile|Gmail|BlackBerry|Mailbox)(?: for [\\p{L} ]{2,20})?"
                    + "|Sent (?:\\S+ )?from my BlackBerry.*"
                    + "|Sent via [\\p{L}\\p{N} '’&-]{1,40}"
                    + "|Enviado desde mi [\\p{L}\\p{N} ]{1,40}"
                    + ")[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSING = Pattern.compile(
            "^\\s*(?:"
                    + "(?:(?:bien|très|tres|trés) )?(?:cordialement|cdlt|cordialt)"
                    + "|(?:bien|très|tres) cordialement(?: à vous| a vous)?"
                    + "|(?:avec )?mes (?:sincères |meilleures |respectueuses )?salutations(?: distinguées)?"
                    + "|(?:sincères |meilleures |respectueuses )?salutations(?: distinguées| cordiales)?"
                    + "|bien à vous|bien a vous|à vous lire|dans l'attente de (?:votre|vous) (?:réponse|lire)"
                    + "|bonne (?:journée|soirée|fin de journée|semaine)(?: à vous)?"
                    + "|merci(?: beaucoup| d'avance| par avance| encore| pour votre aide| de votre aide)?(?: et bonne journée)?"
                    + "|amicalement|bises|à bientôt|a bientot"
                    + "|thanks(?: in advance| again| a lot)?|thank you(?: very much)?|many thanks"
                    + "|(?:kind |best |warm )?regards|best(?: wishes)?|sincerely(?: yours)?|cheers|take care"
                    + ")\\s*[,.!]*\\s*(?:-+)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("\\S@\\S");
    private static final Pattern URL = Pattern.compile("https?://|www\\.\\S+\\.\\S");
    private static final Pattern PHONE = Pattern.compile("(?:\\+33|0)[1-9](?:[ .-]?\\d{2}){4}|(\\(? ?\\d{2,3} ?\\)?.{0,3}?){3,}");
    private static final Pattern TITLE = Pattern.compile(
            "(?i)\\b(?:secrétaire|secretaire|maire|adjoint|adjointe|mairie|commune|conseill(?:er|ère)|directeur|directrice"
                    + "|responsable|chargée?|agent|service|tél|tel|fax|standard|gestionnaire|assistante?)\\b");

    /** Extracts the signature; {@code senderName} (display name) helps recognise the name line. */
    public SignatureSplit extract(String text, String senderName) {
        if (text == null || text.isBlank()) {
            return new SignatureSplit(text == null ? "" : text.strip(), "");
        }
        // trailing spaces carry nothing (Zimbra ends every line with one), except in the « -- » delimiter
        List<String> lines = new ArrayList<>(text.strip().replace("\r\n", "\n").lines()
                .map(l -> l.equals("-- ") ? l : l.stripTrailing()).toList());
        int start = withClosingAbove(lines, findStart(lines, senderNames(senderName)));
        if (start <= 0) {
            return new SignatureSplit(String.join("\n", lines).strip(), "");
        }
        String body = String.join("\n", lines.subList(0, start)).strip();
        if (body.isEmpty()) {
            return new SignatureSplit(String.join("\n", lines).strip(), "");
        }
        return new SignatureSplit(body, String.join("\n", lines.subList(start, lines.size())).strip());
    }

    /** « Cordialement, » just above a « -- » block or a name block belongs to the signature too. */
    private static int withClosingAbove(List<String> lines, int start) {
        int previous = start - 1;
        while (previous > 0 && lines.get(previous).isBlank()) {
            previous--;
        }
        return previous > 0 && CLOSING.matcher(lines.get(previous)).matches() ? previous : start;
    }

    /** Index of the first signature line, or -1. */
    private int findStart(List<String> lines, List<String> names) {
        List<Integer> nonEmpty = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                nonEmpty.add(i);
            }
        }
        if (nonEmpty.size() <= 1) {
            return -1;
        }
        // candidate region: last non-empty lines, never the first one
        List<Integer> candidate = nonEmpty.subList(Math.max(1, nonEmpty.size() - SIGNATURE_MAX_LINES - 4),
                nonEmpty.size());
        int firstCandidate = candidate.get(0);

        // 1. explicit delimiter "-- " (RFC 3676) anywhere in the region
        for (int idx : candidate) {
            if (DELIMITER.matcher(lines.get(idx)).matches()) {
                return idx;
            }
        }
        // mobile client lines at the very end
        int end = nonEmpty.get(nonEmpty.size() - 1);
        int mobileStart = -1;
        for (int k = nonEmpty.size() - 1; k >= 1; k--) {
            if (MOBILE.matcher(lines.get(nonEmpty.get(k))).matches()) {
                mobileStart = nonEmpty.get(k);
            } else {
                break;
            }
        }
        int limit = mobileStart > 0 ? mobileStart : end + 1;

        // 2. a line of dashes followed by short lines
        for (int idx : candidate) {
            if (idx < limit && DASH_LINE.matcher(lines.get(idx)).matches() && allShort(lines, idx + 1, limit)
                    && countNonEmpty(lines, idx + 1, limit) >= 1 && countNonEmpty(lines, idx + 1, limit) <= SIGNATURE_MAX_LINES) {
                return idx;
            }
        }
        // 3. closing formula followed by at most 7 short lines (name, title, commune, phone)
        for (int idx : candidate) {
            if (idx >= limit) {
                break;
            }
            if (CLOSING.matcher(lines.get(idx)).matches() && countNonEmpty(lines, idx + 1, limit) <= 7
                    && allShort(lines, idx + 1, limit)) {
                return idx;
            }
        }
        // 4. a line naming the sender, followed by short lines
        if (!names.isEmpty()) {
            for (int idx : candidate) {
                if (idx >= limit) {
                    break;
                }
                String line = lines.get(idx).strip();
                if (line.length() <= 40 && containsName(line, names) && allShort(lines, idx + 1, limit)
                        && countNonEmpty(lines, idx, limit) <= 8) {
                    return idx;
                }
            }
        }
        // 5. trailing short block (after an empty line) with contact details or an official title
        int blockStart = limit;
        while (blockStart > firstCandidate && !lines.get(blockStart - 1).isBlank()) {
            blockStart--;
        }
        if (blockStart > firstCandidate && blockStart < limit) {
            int count = countNonEmpty(lines, blockStart, limit);
            int signals = 0;
            for (int k = blockStart; k < limit; k++) {
                String l = lines.get(k);
                if (EMAIL.matcher(l).find() || URL.matcher(l).find() || PHONE.matcher(l).find() || TITLE.matcher(l).find()) {
                    signals++;
                }
            }
            if (count >= 2 && count <= 6 && signals >= 1 && allShort(lines, blockStart, limit)
                    && !lines.get(blockStart).strip().endsWith(":") && !endsLikeSentence(lines, blockStart, limit)) {
                return blockStart;
            }
        }
        return mobileStart;
    }

    private static boolean endsLikeSentence(List<String> lines, int from, int to) {
        int sentences = 0;
        for (int k = from; k < to; k++) {
            String l = lines.get(k).strip();
            if (l.endsWith("?") || (l.endsWith(".") && l.split("\\s+").length > 6)) {
                sentences++;
            }
        }
        return sentences > 0;
    }

    private static boolean allShort(List<String> lines, int from, int to) {
        for (int k = from; k < to; k++) {
            if (lines.get(k).strip().length() > MAX_SIGNATURE_LINE) {
                return false;
            }
        }
        return true;
    }

    private static int countNonEmpty(List<String> lines, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (!lines.get(k).isBlank()) {
                n++;
            }
        }
        return n;
    }

    private static boolean containsName(String line, List<String> names) {
        String normalized = fold(line);
        for (String name : names) {
            if (Pattern.compile("(?<![\\p{L}])" + Pattern.quote(name) + "(?![\\p{L}])").matcher(normalized).find()) {
                return true;
            }
        }
        return false;
    }

    /** Words of the sender display name or address usable to spot the name line. */
    static List<String> senderNames(String sender) {
        List<String> names = new ArrayList<>();
        if (sender == null) {
            return names;
        }
        String s = sender.contains("@") ? sender.substring(0, sender.indexOf('@')) : sender;
        for (String word : fold(s).split("[^\\p{L}]+")) {
            if (word.length() >= 3 && !names.contains(word) && !List.of("mairie", "commune", "mail", "gmail", "hotmail",
                    "orange", "wanadoo", "free", "sfr", "yahoo", "outlook", "contact", "secretariat", "accueil", "sender",
                    "mailto", "the", "les", "des").contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
