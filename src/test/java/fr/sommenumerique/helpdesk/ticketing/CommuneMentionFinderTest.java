package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.sommenumerique.helpdesk.ticketing.internal.CommuneMentionFinder;

/** Homonyms do not occur in the Somme today; a made-up list checks that the postal code settles them. */
class CommuneMentionFinderTest {

    private final Commune fresnoyNorth = new Commune("80901", "Fresnoy", 300, List.of("80100"), null, null, null);
    private final Commune fresnoySouth = new Commune("80902", "Fresnoy", 450, List.of("80200", "80210"), null, null, null);
    private final Commune boves = new Commune("80903", "Boves", 3000, List.of("80440"), null, null, null);
    private final CommuneMentionFinder finder = new CommuneMentionFinder(List.of(fresnoyNorth, fresnoySouth, boves), List.of());

    @Test
    void homonymWithoutPostalCodeGivesNoMatch() {
        assertThat(finder.find("Mairie de Fresnoy")).isEmpty();
        assertThat(finder.find("Commune de Fresnoy (80)")).isEmpty();
    }

    @Test
    void postalCodeDecidesBetweenHomonyms() {
        assertThat(finder.find("Mairie\n80200 FRESNOY")).contains(fresnoySouth);
        assertThat(finder.find("Mairie de Fresnoy (80100)")).contains(fresnoyNorth);
        assertThat(finder.find("Fresnoy 80210")).contains(fresnoySouth);
        assertThat(finder.find("Mairie de Fresnoy, 80440")).as("postal code of neither").isEmpty();
    }

    @Test
    void inseeCodeDecidesToo() {
        assertThat(finder.find("Mairie de Fresnoy, INSEE 80902")).contains(fresnoySouth);
    }

    @Test
    void strongerEvidenceWins() {
        assertThat(finder.find("Mairie de Boves ; courrier : 80100 Fresnoy")).contains(fresnoyNorth);
    }
}
