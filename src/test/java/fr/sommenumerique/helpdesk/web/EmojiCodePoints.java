package fr.sommenumerique.helpdesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Characters a browser draws as emoji (Unicode's Emoji_Presentation code points, and the variation selector that
 * asks for the emoji form): staff machines have no emoji font, so they render as empty boxes.
 */
final class EmojiCodePoints {

    private static final Pattern EMOJI = Pattern.compile("[\\x{1F000}-\\x{1FAFF}\\x{FE0F}\\x{231A}\\x{231B}"
            + "\\x{23E9}-\\x{23EC}\\x{23F0}\\x{23F3}\\x{25FD}\\x{25FE}\\x{2614}\\x{2615}\\x{2648}-\\x{2653}\\x{267F}"
            + "\\x{2693}\\x{26A1}\\x{26AA}\\x{26AB}\\x{26BD}\\x{26BE}\\x{26C4}\\x{26C5}\\x{26CE}\\x{26D4}\\x{26EA}"
            + "\\x{26F2}\\x{26F3}\\x{26F5}\\x{26FA}\\x{26FD}\\x{2705}\\x{270A}\\x{270B}\\x{2728}\\x{274C}\\x{274E}"
            + "\\x{2753}-\\x{2755}\\x{2757}\\x{2795}-\\x{2797}\\x{27B0}\\x{27BF}\\x{2B1B}\\x{2B1C}\\x{2B50}\\x{2B55}]");

    private EmojiCodePoints() {
    }

    /** The emoji found in {@code text}, as « U+1F4CE 📎 » items, or an empty string. */
    static String in(String text) {
        return String.join(", ", list(text));
    }

    /** The emoji found in {@code text}, each as a « U+1F4CE 📎 » item, in order. */
    static List<String> list(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = EMOJI.matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(String.format("U+%04X %s", m.group().codePointAt(0), m.group()));
        }
        return found;
    }
}
