package fr.sommenumerique.helpdesk.mail.parsing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subject helpers: strips chains of reply/forward prefixes (RE, TR, Fwd, FW, AW, WG, Réf., RE[2]…,
 * any case, spaces or non-breaking spaces before the colon) and finds ticket references such as
 * {@code [MC-2026-00042]}.
 */
public final class SubjectNormalizer {

    private static final String SPACE = "[\\s\\u00a0\\u202f]";
    private static final String REPLY = "re|ré|réf|ref|rép|rep|aw|sv|vs|antw|odp";
    private static final String FORWARD = "tr|fw|fwd|wg|transfert|trans|enc|rv";
    /** One prefix: word, optional counter ([2], (2), ^2), optional spaces, a colon (or full-width colon). */
    private static final Pattern PREFIX = Pattern.compile(
            "^" + SPACE + "*(?:" + REPLY + "|" + FORWARD + ")\\.?"
                    + "(?:" + SPACE + "*(?:\\[\\d{1,3}\\]|\\(\\d{1,3}\\)|\\^\\d{1,3}))?" + SPACE + "*[:：]" + SPACE + "*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FORWARD_PREFIX = Pattern.compile(
            "^" + SPACE + "*(?:tr|fw|fwd|wg|transfert|enc)\\.?(?:" + SPACE + "*\\[\\d{1,3}\\])?" + SPACE + "*[:：]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LIST_TAG = Pattern.compile("^" + SPACE + "*\\[[^\\]]{1,40}\\]" + SPACE + "*");
    private static final Pattern TICKET = Pattern.compile("\\[\\s*(MC-\\d{4}-\\d{5})\\s*\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBSCRIPTION = Pattern.compile("\\[\\s*(DA-\\d{4}-\\d{5})\\s*\\]", Pattern.CASE_INSENSITIVE);

    private SubjectNormalizer() {
    }

    /** Removes every leading reply/forward prefix; collapses whitespace. Never returns null. */
    public static String normalize(String subject) {
        if (subject == null) {
            return "";
        }
        String s = subject.replaceAll("[\\r\\n]+", " ");
        String previous;
        do {
            previous = s;
            s = PREFIX.matcher(s).replaceFirst("");
        } while (!s.equals(previous));
        return s.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }

    /**
     * True when the outermost prefix is a forward (TR:, Fwd:, FW:, WG:): the sender's client forwarded this very mail.
     * « RE: TR: … » is a reply (to a forward), « TR : RE : … » a forward (of a reply).
     */
    public static boolean isForward(String subject) {
        if (subject == null) {
            return false;
        }
        String s = LIST_TAG.matcher(subject).replaceFirst("");
        return FORWARD_PREFIX.matcher(s).find();
    }

    /** True when the subject starts with a reply prefix (RE:, AW:, Réf. :). */
    public static boolean isReply(String subject) {
        return subject != null && !normalize(subject).equals(subject.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip())
                && !isForward(subject);
    }

    /** Ticket reference like {@code MC-2026-00042} found in square brackets, upper-cased. */
    public static Optional<String> ticketReference(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = TICKET.matcher(subject);
        return m.find() ? Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    /** Subscription request reference like {@code DA-2026-00007} found in square brackets, upper-cased. */
    public static Optional<String> subscriptionReference(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = SUBSCRIPTION.matcher(subject);
        return m.find() ? Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }
}
