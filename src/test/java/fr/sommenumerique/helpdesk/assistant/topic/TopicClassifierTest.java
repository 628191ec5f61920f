package fr.sommenumerique.helpdesk.assistant.topic;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TopicClassifierTest {

    private static final Function<String, List<String>> WORDS = text -> Arrays.stream(text.toLowerCase().split("\\W+"))
            .filter(w -> !w.isBlank()).toList();

    private static final TopicClassifier CLASSIFIER = TopicClassifier.train(List.of(
            new TopicClassifier.Example("horaires", "vous êtes ouverts le lundi"),
            new TopicClassifier.Example("horaires", "personne ne décroche à midi"),
            new TopicClassifier.Example("horaires", "on peut appeler à midi"),
            new TopicClassifier.Example("archives", "le tiers archiveur doit être agréé"),
            new TopicClassifier.Example("archives", "notre GED suffit pour archiver")), WORDS);

    @Test
    void the_subject_whose_questions_share_the_words_is_the_likeliest_and_probabilities_sum_to_one() {
        TopicScores scores = CLASSIFIER.classify("personne ne répond à midi");

        assertThat(scores.probability("horaires")).isGreaterThan(scores.probability("archives"));
        assertThat(scores.probability("horaires")).isGreaterThan(0.9);
        assertThat(scores.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void a_text_of_words_never_learned_gets_no_probability_at_all() {
        assertThat(CLASSIFIER.classify("bonne année").probabilities()).isEmpty();
    }

    @Test
    void trained_on_first_use_trains_only_when_asked_and_once() {
        AtomicInteger analysed = new AtomicInteger();
        Supplier<TopicClassifier> lazy = TopicClassifier.trainedOnFirstUse(List.of(
                new TopicClassifier.Example("horaires", "ouverts le lundi"),
                new TopicClassifier.Example("archives", "tiers archiveur agréé")), text -> {
            analysed.incrementAndGet();
            return WORDS.apply(text);
        });
        assertThat(analysed).hasValue(0);

        TopicClassifier first = lazy.get();
        int afterTraining = analysed.get();

        assertThat(afterTraining).isEqualTo(2);
        assertThat(lazy.get()).isSameAs(first);
        assertThat(analysed).hasValue(afterTraining);
    }

    @Test
    void one_subject_alone_cannot_be_learned() {
        assertThatThrownBy(() -> TopicClassifier.train(List.of(new TopicClassifier.Example("horaires", "lundi")), WORDS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
