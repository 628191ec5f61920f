package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SeedingTest extends TicketingTestBase {

    @Autowired
    Communes communes;

    @Test
    void allCommunesOfTheSommeAreLoadedOnce() {
        assertThat(communes.count()).isEqualTo(771);
        assertThat(communes.all()).hasSize(771);
        assertThat(communes.all().stream().filter(c -> c.population() < 2000).count()).isEqualTo(737);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '2' AND \"success\"")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void communeFieldsComeFromTheCsv() {
        Commune amiens = communes.byInsee("80021").orElseThrow();
        assertThat(amiens.name()).isEqualTo("Amiens");
        assertThat(amiens.population()).isGreaterThan(100_000);
        assertThat(amiens.postalCodes()).containsExactly("80000", "80080", "80090");
        assertThat(amiens.epciName()).isEqualTo("CA Amiens Métropole");

        Commune y = communes.byInsee("80829").orElseThrow();
        assertThat(y.name()).isEqualTo("Y");
        assertThat(y.population()).isEqualTo(87);
        assertThat(y.siren()).isEqualTo("218007771");
    }

    @Test
    void searchIsAccentAndHyphenInsensitiveWithPrefixesFirst() {
        assertThat(communes.search("st valery", 5)).extracting(Commune::name).containsExactly("Saint-Valery-sur-Somme");
        assertThat(communes.search("amienois", 10)).extracting(Commune::name)
                .contains("Acheux-en-Amiénois", "Camps-en-Amiénois", "Sains-en-Amiénois", "Vaux-en-Amiénois");
        assertThat(communes.search("ÉTOILE", 5)).extracting(Commune::name).containsExactly("L'Étoile");
        assertThat(communes.search("ailly", 10)).extracting(Commune::name)
                .startsWith("Ailly-le-Haut-Clocher", "Ailly-sur-Noye", "Ailly-sur-Somme")
                .contains("Villers-sous-Ailly");
        assertThat(communes.search("80190", 50)).extracting(Commune::name).contains("Y", "Nesle");
        assertThat(communes.search("80829", 5)).extracting(Commune::name).containsExactly("Y");
        assertThat(communes.search("  ", 5)).isEmpty();
    }
}
