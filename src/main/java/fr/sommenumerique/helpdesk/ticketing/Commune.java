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

    public Commune {
        postalCodes = postalCodes == null ? List.of() : List.copyOf(postalCodes);
    }

    /** « Abbeville (80100) ». */
    public String label() {
        return postalCodes.isEmpty() ? name : name + " (" + postalCodes.get(0) + ")";
    }
}
