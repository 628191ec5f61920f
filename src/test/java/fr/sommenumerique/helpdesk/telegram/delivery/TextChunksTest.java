package fr.sommenumerique.helpdesk.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextChunksTest {

    @Test
    void aShortTextIsOneMessage() {
        assertThat(TextChunks.split("Bonjour", 4096)).containsExactly("Bonjour");
    }

    @Test
    void longTextsAreCutBetweenParagraphsThenLinesThenWords() {
        assertThat(TextChunks.split("premier paragraphe\n\nsecond paragraphe", 25))
                .containsExactly("premier paragraphe", "second paragraphe");
        assertThat(TextChunks.split("ligne numéro un\nligne numéro deux", 20))
                .containsExactly("ligne numéro un", "ligne numéro deux");
        assertThat(TextChunks.split("des mots et encore des mots", 16)).containsExactly("des mots et", "encore des mots");
    }

    @Test
    void noPartIsLongerThanTheLimitAndNothingIsLost() {
        String text = "Voici une phrase assez longue pour le test. ".repeat(300);
        List<String> parts = TextChunks.split(text, 4096);
        assertThat(parts).hasSize(4).allMatch(p -> p.length() <= 4096);
        assertThat(String.join(" ", parts).equals(text.strip())).as("parts put back together").isTrue();
    }

    @Test
    void aWordLongerThanTheLimitIsCutWithoutSplittingAnEmojiOrAnEscape() {
        String emoji = "😀".repeat(6); // 12 chars: surrogate pairs
        assertThat(TextChunks.split(emoji, 5)).allMatch(p -> !Character.isHighSurrogate(p.charAt(p.length() - 1)))
                .containsExactly("😀😀", "😀😀", "😀😀");
        assertThat(TextChunks.split("abcd\\.efgh", 5)).containsExactly("abcd", "\\.efg", "h");
        assertThat(TextChunks.split("abc\\\\def", 5)).containsExactly("abc\\\\", "def");
    }
}
