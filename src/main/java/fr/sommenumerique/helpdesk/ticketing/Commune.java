package fr.sommenumerique.helpdesk.ticketing;

import java.util.List;

/**
 * A commune of the Somme.
 *
 * @param inseeCode   code officiel géographique, e.g. "80001"
 * @param postalCodes one or more postal codes, e.g. ["80100"]
 */
public record Commune(String inseeCode, String name, int population, List<String> postalCodes, String siren,
                      String epciSiren, String epciName) {

    /** The European subsidy of the offer is for communes of fewer than 2 000 inhabitants. */
    public static final int SUBSIDY_POPULATION_LIMIT = 2000;

    public Commune {
        postalCodes = postalCodes == null ? List.of() : List.copyOf(postalCodes);
    }

    public boolean subsidyEligible() {
        return population < SUBSIDY_POPULATION_LIMIT;
    }

    /** « Abbeville (80100) ». */
    public String label() {
        return postalCodes.isEmpty() ? name : name + " (" + postalCodes.get(0) + ")";
    }
}
