package fr.sommenumerique.helpdesk.ticketing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.sommenumerique.helpdesk.ticketing.Commune;

/**
 * Finds the commune a message or its signature names. Many commune names are ordinary words (« Y », « Rue »,
 * « Long », « Fins ») or people's names (« Albert »), so the evidence a mention needs depends on the name:
 * <ul>
 *   <li>an INSEE code after the word « INSEE » always counts (strongest);</li>
 *   <li>a name next to one of its postal codes (« 80120 Rue », « Rue (80120) ») counts and settles homonyms;</li>
 *   <li>a name after « commune de », « mairie d' », « maire de », « ville de »… or before « (80) » counts;</li>
 *   <li>a name of two significant words or more (« Acheux-en-Amiénois », « St Valery sur Somme ») counts
 *       anywhere; an article name such as « Le Crotoy » only when written with its capital.</li>
 * </ul>
 * Only the strongest kind of evidence found is used, and it must designate exactly one commune: two communes
 * named with equal evidence, or a name shared by two communes without a postal code, give no match.
 * Not searched: quoted lines (« > »), everything after a reply or forward header (« Le … a écrit : »,
 * « De : », « -----Message d'origine----- »), lines with a configured phrase (our own signature,
 * « Somme Numérique … 80090 Amiens ») unless they also say « commune de »/« mairie de »…, e-mail and web addresses.
 */
public final class CommuneMentionFinder {

    private enum Strength { ANYWHERE, CONTEXT, POSTAL, INSEE }

    private record Token(String key, int start, int end, boolean capitalized) {
    }

    /**
     * @param contracted « du Crotoy » for « Le Crotoy »: only valid right after a context word
     */
    private record NameEntry(List<String> tokens, List<Commune> communes, int significant, int firstSignificant,
                             boolean contracted) {
    }

    private record Mention(Strength strength, Set<Commune> communes) {
    }

    private static final Set<String> MINOR_WORDS = Set.of("le", "la", "les", "l", "de", "du", "des", "d", "en", "sur",
            "sous", "au", "aux", "et", "a");
    private static final Set<String> CONTEXT_NOUNS = Set.of("commune", "mairie", "maire", "ville", "village",
            "municipalite", "collectivite");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern EMAIL_OR_URL = Pattern.compile("\\S+@\\S+|(?i:https?://|www\\.)\\S+");
    private static final Pattern INSEE = Pattern.compile("\\binsee\\b(?: [a-z]+){0,5} (80\\d{3})\\b");
    private static final Pattern REPLY_HEADER = Pattern.compile(
            "(?i)^\\s*(?:-{2,}\\s*(?:original message|message d'origine|message transf[ée]r[ée]|forwarded message).*"
                    + "|le\\s.*\\d.*\\s(?:a\\s+)?[ée]crit\\s*:\\s*|on\\s.*\\d.*\\swrote\\s*:\\s*)$");
    /** Outlook-style header: « De : … » followed shortly by « Envoyé : … » or « Date : … ». */
    private static final Pattern FROM_LINE = Pattern.compile("(?i)^\\s*(?:de|from)\\s*:.*$");
    private static final Pattern SENT_LINE = Pattern.compile("(?i)^\\s*(?:envoy[ée]|sent|date)\\s*:.*$");
    private static final Pattern CONTEXT_IN_KEY = Pattern.compile("\\b(?:commune|mairie|maire|ville|village) (?:de|d|du|des)\\b");
    private static final Pattern POSTAL_OR_PHONE = Pattern.compile("\\b\\d{2}\\s?\\d{3}\\b");
    private static final Pattern DEPARTMENT_AFTER = Pattern.compile("^\\s*\\(\\s*80(?:\\s?(\\d{3}))?\\s*\\)");

    private final Map<String, List<NameEntry>> byFirstToken = new HashMap<>();
    private final Map<String, Commune> byInsee = new HashMap<>();
    private final List<String> ignoredLineKeys;

    public CommuneMentionFinder(Collection<Commune> communes, Collection<String> ignoreLinesContaining) {
        Map<List<String>, List<Commune>> byName = new HashMap<>();
        for (Commune c : communes) {
            byInsee.put(c.inseeCode(), c);
            byName.computeIfAbsent(nameTokens(c.name()), k -> new ArrayList<>()).add(c);
        }
        byName.forEach((tokens, homonyms) -> {
            add(new NameEntry(tokens, List.copyOf(homonyms), significant(tokens), firstSignificant(tokens), false));
            // « mairie du Crotoy » / « commune des Alleux »
            if (tokens.size() > 1 && (tokens.get(0).equals("le") || tokens.get(0).equals("les"))) {
                List<String> contracted = new ArrayList<>(tokens);
                contracted.set(0, tokens.get(0).equals("le") ? "du" : "des");
                add(new NameEntry(List.copyOf(contracted), List.copyOf(homonyms), significant(tokens),
                        firstSignificant(tokens), true));
            }
        });
        byFirstToken.values().forEach(l -> l.sort(Comparator.comparingInt((NameEntry e) -> e.tokens().size()).reversed()));
        this.ignoredLineKeys = ignoreLinesContaining.stream().map(TextKeys::key).filter(k -> !k.isEmpty()).toList();
    }

    private void add(NameEntry entry) {
        byFirstToken.computeIfAbsent(entry.tokens().get(0), k -> new ArrayList<>()).add(entry);
    }

    private static List<String> nameTokens(String name) {
        return List.of(TextKeys.nameKey(name).split(" "));
    }

    private static int significant(List<String> tokens) {
        return (int) tokens.stream().filter(t -> !MINOR_WORDS.contains(t)).count();
    }

    private static int firstSignificant(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!MINOR_WORDS.contains(tokens.get(i))) {
                return i;
            }
        }
        return 0;
    }

    /** The one commune the text designates, if any. */
    public Optional<Commune> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String cleaned = clean(text);
        List<Token> tokens = tokenize(cleaned);
        List<Mention> mentions = new ArrayList<>();
        inseeMentions(tokens, mentions);
        nameMentions(cleaned, tokens, mentions);
        for (Strength s : List.of(Strength.INSEE, Strength.POSTAL, Strength.CONTEXT, Strength.ANYWHERE)) {
            Set<Commune> found = new LinkedHashSet<>();
            for (Mention m : mentions) {
                if (m.strength() == s) {
                    found.addAll(m.communes());
                }
            }
            if (!found.isEmpty()) {
                return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        String[] lines = text.split("\\R");
        boolean inSignature = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String trimmed = line.strip();
            if (REPLY_HEADER.matcher(trimmed).matches() || isOutlookHeader(lines, n)) {
                break; // the rest is an earlier message, often ours
            }
            String key = TextKeys.key(line);
            String padded = " " + key + " ";
            boolean context = CONTEXT_IN_KEY.matcher(padded).find();
            if (trimmed.isEmpty()) {
                inSignature = false;
            } else if (trimmed.startsWith(">")) {
                line = "";
            } else if (inSignature && !context) {
                line = ""; // the rest of our signature block (service, address, phone)
            } else if (!context && ignoredLineKeys.stream().anyMatch(k -> padded.contains(" " + k + " "))) {
                // « Somme Numérique » alone or followed by our address starts our signature block;
                // « Bonjour Somme Numérique, » is only a greeting line
                inSignature = ignoredLineKeys.stream().anyMatch(key::startsWith) || POSTAL_OR_PHONE.matcher(line).find();
                line = "";
            } else {
                inSignature = false;
            }
            sb.append(EMAIL_OR_URL.matcher(line).replaceAll(" ")).append('\n');
        }
        return sb.toString();
    }

    private static boolean isOutlookHeader(String[] lines, int n) {
        if (!FROM_LINE.matcher(lines[n]).matches()) {
            return false;
        }
        for (int k = n + 1; k < Math.min(lines.length, n + 4); k++) {
            if (SENT_LINE.matcher(lines[k]).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Token> tokenize(String text) {
        List<Token> raw = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String word = m.group();
            String key = TextKeys.key(word);
            if (key.isEmpty()) {
                continue;
            }
            if (key.equals("s") && m.end() < text.length() && text.charAt(m.end()) == '/') {
                key = "sur"; // « Ailly s/ Noye »
            }
            for (String part : key.split(" ")) { // ligatures or odd letters can split a word
                raw.add(new Token(TextKeys.expandAbbreviation(part), m.start(), m.end(), Character.isUpperCase(word.charAt(0))));
            }
        }
        // « 80 120 » → « 80120 »
        List<Token> merged = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Token t = raw.get(i);
            if (t.key().equals("80") && i + 1 < raw.size() && raw.get(i + 1).key().matches("\\d{3}")
                    && text.substring(t.end(), raw.get(i + 1).start()).equals(" ")) {
                Token next = raw.get(++i);
                merged.add(new Token("80" + next.key(), t.start(), next.end(), false));
            } else {
                merged.add(t);
            }
        }
        return merged;
    }

    private void inseeMentions(List<Token> tokens, List<Mention> mentions) {
        StringBuilder joined = new StringBuilder();
        for (Token t : tokens) {
            joined.append(t.key()).append(' ');
        }
        Matcher m = INSEE.matcher(joined);
        while (m.find()) {
            Commune c = byInsee.get(m.group(1));
            if (c != null) {
                mentions.add(new Mention(Strength.INSEE, Set.of(c)));
            }
        }
    }

    private void nameMentions(String text, List<Token> tokens, List<Mention> mentions) {
        int i = 0;
        while (i < tokens.size()) {
            NameEntry entry = longestNameAt(tokens, i);
            if (entry == null) {
                i++;
                continue;
            }
            int end = i + entry.tokens().size();
            Mention mention = evaluate(text, tokens, i, end, entry);
            if (mention != null) {
                mentions.add(mention);
            }
            i = end;
        }
    }

    private NameEntry longestNameAt(List<Token> tokens, int start) {
        List<NameEntry> candidates = byFirstToken.get(tokens.get(start).key());
        if (candidates == null) {
            return null;
        }
        for (NameEntry e : candidates) {
            if (start + e.tokens().size() > tokens.size()) {
                continue;
            }
            boolean matches = true;
            for (int k = 0; k < e.tokens().size() && matches; k++) {
                matches = tokens.get(start + k).key().equals(e.tokens().get(k));
            }
            if (matches) {
                return e;
            }
        }
        return null;
    }

    private Mention evaluate(String text, List<Token> tokens, int start, int end, NameEntry entry) {
        List<Commune> candidates = entry.communes();
        // a postal code right before or after the name
        for (int idx : new int[] {start - 1, end}) {
            if (idx >= 0 && idx < tokens.size() && tokens.get(idx).key().matches("\\d{5}")) {
                String code = tokens.get(idx).key();
                List<Commune> withCode = candidates.stream().filter(c -> c.postalCodes().contains(code)).toList();
                if (!withCode.isEmpty() && !entry.contracted()) {
                    return new Mention(Strength.POSTAL, Set.copyOf(withCode));
                }
            }
        }
        Strength strength = null;
        Matcher dept = DEPARTMENT_AFTER.matcher(text.substring(tokens.get(end - 1).end()));
        if (dept.find() && !entry.contracted()) {
            if (dept.group(1) != null) {
                String code = "80" + dept.group(1);
                List<Commune> withCode = candidates.stream().filter(c -> c.postalCodes().contains(code)).toList();
                if (!withCode.isEmpty()) {
                    return new Mention(Strength.POSTAL, Set.copyOf(withCode));
                }
            }
            strength = Strength.CONTEXT;
        } else if (hasContextBefore(tokens, start, entry.contracted())) {
            strength = Strength.CONTEXT;
        } else if (!entry.contracted() && entry.significant() >= 2) {
            strength = Strength.ANYWHERE;
        } else if (!entry.contracted() && entry.tokens().size() > 1 && entry.significant() == 1
                && tokens.get(start + entry.firstSignificant()).capitalized()) {
            strength = Strength.ANYWHERE;
        }
        if (strength == null) {
            return null;
        }
        return new Mention(strength, Set.copyOf(candidates));
    }

    /** « commune de X », « mairie d'X », « secrétaire de mairie de X », « maire de X », « mairie du X ». */
    private static boolean hasContextBefore(List<Token> tokens, int start, boolean contracted) {
        if (contracted) {
            return start >= 1 && CONTEXT_NOUNS.contains(tokens.get(start - 1).key());
        }
        if (start < 2) {
            return false;
        }
        String preposition = tokens.get(start - 1).key();
        String noun = tokens.get(start - 2).key();
        if (!preposition.equals("de") && !preposition.equals("d")) {
            return false;
        }
        return CONTEXT_NOUNS.contains(noun)
                || (noun.equals("municipal") && start >= 3 && tokens.get(start - 3).key().equals("conseil"));
    }
}
