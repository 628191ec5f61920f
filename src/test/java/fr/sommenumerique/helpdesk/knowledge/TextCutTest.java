package fr.sommenumerique.helpdesk.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Subjects and previews are cut between characters a person sees, never inside an emoji or an accent. */
class TextCutTest {

    @Test
    void a_short_text_is_kept_whole() {
        assertThat(TextCut.oneLine("  Bonjour\n  madame ", 80)).isEqualTo("Bonjour madame");
    }

    @Test
    void a_cut_never_falls_inside_a_surrogate_pair() {
        // 78 letters then an emoji (2 chars) at 79-80: a cut at 79 chars would keep half of it
        String text = "a".repeat(77) + " 😀 mati🙂ere";
        for (int max = 60; max <= text.length(); max++) {
            String cut = TextCut.oneLine(text, max);
            assertThat(cut.length()).isLessThanOrEqualTo(max);
            assertThat(isWellFormed(cut)).as("cut at %d: %s", max, cut).isTrue();
        }
    }

    @Test
    void an_emoji_with_skin_tone_or_joiners_and_a_decomposed_accent_stay_whole() {
        String family = "👨‍👩‍👧";
        String text = "Probleme " + family + " thumbs 👍🏽 e\u0301cran " + "x".repeat(40);
        for (int max = 5; max < text.length(); max++) {
            String cut = TextCut.cut(text, max);
            String kept = cut.substring(0, cut.length() - 1);
            assertThat(text).startsWith(kept);
            assertThat(isWellFormed(cut)).isTrue();
            // never a lone skin tone modifier, never a joiner at the end, never an accent without its letter
            assertThat(kept).doesNotEndWith("\u200d").doesNotEndWith("👍");
            assertThat(kept.endsWith("e") && text.startsWith(kept + "\u0301")).isFalse();
        }
    }

    @Test
    void the_broken_subject_of_the_issue_is_cut_cleanly() {
        String message = "Impossible d'envoyer la délibération sur Actes depuis ce matin, le certificat 🙁 a expiré, que faire ?";
        String subject = TextCut.oneLine(message, 80);
        assertThat(subject).endsWith("…").hasSizeLessThanOrEqualTo(80);
        assertThat(isWellFormed(subject)).isTrue();
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
