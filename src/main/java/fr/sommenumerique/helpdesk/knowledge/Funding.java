package fr.sommenumerique.helpdesk.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The European funding of the offer and who it is for, as the knowledge-base article {@value #ARTICLE} states it:
 * the one place where the population limit and the warning that the funding may no longer apply are written. The
 * assistant's replies, the chat's /souscrire and the staff pages all read it from here, so a maintainer who edits the
 * article changes all of them.
 *
 * @param populationLimit communes of fewer inhabitants than this are the ones the funding was for
 * @param summary         the article's « Communes visées » line and its « Attention » paragraph, to quote as they are
 */
public record Funding(int populationLimit, String summary) {

    public static final String ARTICLE = "subvention-europeenne";

    private static final String TARGET_LINE = "- Communes visées";
    private static final Pattern LIMIT = Pattern.compile("moins de (\\d{1,3}(?:[  \\u202f]?\\d{3})*) habitants");

    /** The rule as the article states it; empty when the article no longer has its « Communes visées » line. */
    static Optional<Funding> of(Article article) {
        Integer limit = null;
        List<String> kept = new ArrayList<>();
        for (String paragraph : article.text().split("\\n\\s*\\n")) {
            for (String line : paragraph.strip().split("\\n")) {
                String l = line.strip();
                if (l.startsWith(TARGET_LINE)) {
                    kept.add(l.substring(2));
                    Matcher matcher = LIMIT.matcher(l);
                    if (limit == null && matcher.find()) {
                        limit = Integer.parseInt(matcher.group(1).replaceAll("\\D", ""));
                    }
                }
            }
            if (paragraph.strip().startsWith("Attention")) {
                kept.add(paragraph.strip().replaceAll("\\s+", " "));
            }
        }
        return limit == null ? Optional.empty() : Optional.of(new Funding(limit, String.join("\n", kept)));
    }

    public boolean eligible(int population) {
        return population < populationLimit;
    }

    /** The limit as French writes it: « 2 000 ». */
    public String limitText() {
        return inhabitants(populationLimit);
    }

    /** « 1 250 », with an ordinary space between thousands. */
    public static String inhabitants(int population) {
        return String.format(Locale.FRANCE, "%,d", population).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
