package fr.sommenumerique.helpdesk.knowledge;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real knowledge base under {@code knowledge-base/}: its articles load and search finds the right ones. */
class KnowledgeBaseTest {

    private static KnowledgeBase knowledgeBase;

    @BeforeAll
    static void load() {
        knowledgeBase = KnowledgeBase.load(Path.of("knowledge-base"));
    }

    @Test
    void every_article_loads_and_covers_every_service() {
        assertThat(knowledgeBase.status().problems()).isEmpty();
        assertThat(knowledgeBase.articles()).hasSize(articleFiles());
        assertThat(knowledgeBase.articles()).extracting(Article::service).contains(ServiceArea.values());
        assertThat(knowledgeBase.articles()).allSatisfy(article -> {
            assertThat(article.tags()).as(article.id()).isNotEmpty();
            assertThat(article.questions()).as(article.id()).isNotEmpty();
            assertThat(article.reviewed()).as(article.id()).isNotNull();
            assertThat(article.text()).as(article.id()).doesNotContain("](", "## ");
        });
    }

    @Test
    void the_articles_holding_a_matched_term_are_counted_on_the_term_as_indexed() {
        // Searching the stem « adres » again would analyse it into another word and find no article.
        String address = knowledgeBase.normalizedTerms("adresse").get(0);

        assertThat(knowledgeBase.articlesWith(address)).isGreaterThan(5);
        assertThat(knowledgeBase.articlesWith(knowledgeBase.normalizedTerms("pacs").get(0))).isZero();
        assertThat(knowledgeBase.articlesWith("certificat|logiciel"))
                .isGreaterThan(knowledgeBase.articlesWith("logiciel"));
    }

    @Test
    void search_returns_scores_coverage_and_a_highlighted_passage() {
        SearchResult result = knowledgeBase.search("Quel certificat faut-il pour télétransmettre ?", 3);

        SearchHit best = result.best().orElseThrow();
        assertThat(best.article().id()).isEqualTo("actes-certificat-rgs");
        assertThat(best.score()).isPositive();
        assertThat(best.coverage()).isBetween(0.5, 1.0);
        assertThat(best.passage()).contains("<mark>").contains("RGS");
        assertThat(result.hits()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void a_search_repeated_gives_the_same_result_and_fewer_hits_are_the_first_of_the_same_ranking() {
        String question = "Combien de temps le préfet a-t-il pour attaquer une délibération ?";
        SearchResult first = knowledgeBase.search(question, 5);

        assertThat(knowledgeBase.search(question, 5)).isEqualTo(first);
        assertThat(knowledgeBase.search(question, 2).hits()).isEqualTo(first.hits().subList(0, 2));
        assertThat(first.hits()).hasSize(5)
                .allSatisfy(hit -> assertThat(hit.passage()).as(hit.article().id()).isNotBlank());
    }

    @Test
    void an_acronym_spelled_out_in_several_words_matches_the_articles_holding_all_of_them() {
        // « BOAMP » is « bulletin officiel des annonces des marchés publics »: an article that only says « public » or
        // « marché » does not hold it, so the acronym weighs as the rare word it is.
        SearchResult result = knowledgeBase.search("à partir de quand il faut le BOAMP ?", 5);
        String boamp = result.queryTerms().stream().filter(t -> t.contains("boamp")).findFirst().orElseThrow();

        assertThat(knowledgeBase.articlesWith(boamp)).isGreaterThan(5);
        assertThat(result.best().orElseThrow().article().id()).isEqualTo("marches-publicite-mapa");
        assertThat(result.hits()).filteredOn(h -> h.matchedTerms().contains(boamp))
                .extracting(h -> h.article().id()).containsOnly("marches-publicite-mapa", "marches-seuils-dispense");
        // « site » of « site internet » still matches on its own.
        SearchHit online = knowledgeBase.search("cb de temps on laisse une délib sur le site internet ?", 5).hits()
                .stream().filter(h -> h.article().id().equals("publication-en-ligne-duree")).findFirst().orElseThrow();
        assertThat(online.matchedTerms()).anyMatch(t -> t.startsWith("site"));
    }

    @Test
    void accents_elisions_and_plurals_do_not_matter() {
        assertThat(bestId("delai du prefet pour deferer une deliberation au tribunal"))
                .isEqualTo(bestId("Délai du préfet pour déférer les délibérations au tribunal"));
    }

    @Test
    void domain_synonyms_are_applied() {
        assertThat(topIds("délib")).contains(topIds("délibération").get(0));
        assertThat(knowledgeBase.search("AR", 5).hits()).isNotEmpty();
        assertThat(topIds("pas reçu l'AR")).contains("actes-envoi-accuse-reception");
        assertThat(topIds("DPD")).contains("rgpd-dpo");
        assertThat(topIds("mise en ligne du DCE")).contains("marches-profil-acheteur");
        assertThat(knowledgeBase.search("@ctes", 5).queryTerms()).isEqualTo(knowledgeBase.search("actes", 5).queryTerms());
        assertThat(topIds("mdp perdu")).contains(topIds("mot de passe perdu").get(0));
    }

    @Test
    void a_synonym_belongs_to_the_word_its_match_starts_at() {
        // The synonym filter emits « affichage »'s alternatives and the later words of « mairie connectée » at new
        // positions: grouped by position, « date » and « délib » were merged with them.
        List<String> terms = knowledgeBase.search("date d'affichage de la délib charte mairie connectée", 5).queryTerms();

        assertThat(terms).contains("date");
        assertThat(terms).noneMatch(label -> label.contains("delib") && label.contains("chart"));
        assertThat(knowledgeBase.search("c'est quoi REACT-EU ?", 5).queryTerms()).hasSize(1);
    }

    @Test
    void training_is_not_stemmed_like_form() {
        // The light stemmer gives « form » for both: « la formation est payante ? » matched « sous forme … gratuit ».
        assertThat(knowledgeBase.normalizedTerms("formation")).isNotEqualTo(knowledgeBase.normalizedTerms("forme"));
        assertThat(knowledgeBase.normalizedTerms("formations")).isEqualTo(knowledgeBase.normalizedTerms("formation"));
        assertThat(bestId("la formation actes elle est payante ou comprise ?")).isEqualTo("formation-presentation");
    }

    @Test
    void typos_are_tolerated() {
        assertThat(bestId("cerificat rgs pour la teletransmision")).isEqualTo("actes-certificat-rgs");
        assertThat(bestId("donées esentielles des marchés")).isEqualTo("marches-donnees-essentielles");
    }

    @Test
    void a_query_of_only_stop_words_and_politeness_finds_nothing() {
        SearchResult result = knowledgeBase.search("Bonjour, merci beaucoup !", 5);
        assertThat(result.queryTerms()).isEmpty();
        assertThat(result.hits()).isEmpty();
    }

    @Test
    void plus_and_ca_va_say_nothing_of_a_subject_but_the_plu_acronym_does() {
        assertThat(knowledgeBase.normalizedTerms("ça va ? il n'y a plus de PLU")).containsExactly("plu");
        assertThat(knowledgeBase.search("coucou ça va ?", 5).hits()).isEmpty();
    }

    @Test
    void words_no_article_contains_are_reported_and_lower_coverage() {
        SearchResult result = knowledgeBase.search("ramassage des encombrants", 5);
        assertThat(result.unknownTerms()).isNotEmpty();
        assertThat(result.best().map(SearchHit::coverage).orElse(0.0)).isLessThan(0.3);
    }

    @Test
    void a_time_of_day_no_article_contains_is_context_not_a_word_to_match() {
        SearchResult bare = knowledgeBase.search("vous décrochez le mercredi matin ?", 5);
        SearchResult timed = knowledgeBase.search("vous décrochez le mercredi matin à 8h15 ?", 5);

        assertThat(timed.queryTerms()).isEqualTo(bare.queryTerms());
        assertThat(timed.unknownTerms()).isEqualTo(bare.unknownTerms());
        assertThat(timed.best().map(SearchHit::coverage)).isEqualTo(bare.best().map(SearchHit::coverage));
    }

    private static String bestId(String query) {
        return knowledgeBase.search(query, 1).best().orElseThrow().article().id();
    }

    private static List<String> topIds(String query) {
        return knowledgeBase.search(query, 3).hits().stream().map(h -> h.article().id()).toList();
    }

    /** The article files at the top of the folder (its README describes the folder and is no article). */
    private static int articleFiles() {
        try (var files = Files.list(Path.of("knowledge-base"))) {
            return (int) files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".md") && !name.equals("README.md"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
