package fr.sommenumerique.helpdesk.ticketing.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import fr.sommenumerique.helpdesk.ticketing.Commune;

/** Reads {@code communes/communes-somme.csv} (header line, comma separated, optional double quotes). */
public final class CommuneCsv {

    public static final String RESOURCE = "/communes/communes-somme.csv";
    private static final List<String> HEADER =
            List.of("code_insee", "nom", "population", "codes_postaux", "siren", "epci_siren", "epci_nom");

    private CommuneCsv() {
    }

    public static List<Commune> readResource() throws IOException {
        try (InputStream in = CommuneCsv.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return read(in);
        }
    }

    public static List<Commune> read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !split(header.replace("\uFEFF", "")).equals(HEADER)) {
            throw new IllegalStateException("Unexpected header in " + RESOURCE + ": " + header);
        }
        List<Commune> communes = new ArrayList<>();
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line);
            if (f.size() != HEADER.size()) {
                throw new IllegalStateException("Line %d of %s has %d fields instead of %d"
                        .formatted(lineNumber, RESOURCE, f.size(), HEADER.size()));
            }
            if (!f.get(0).matches("\\d[0-9AB]\\d{3}")) {
                throw new IllegalStateException("Line %d of %s: bad INSEE code %s".formatted(lineNumber, RESOURCE, f.get(0)));
            }
            int population;
            try {
                population = Integer.parseInt(f.get(2));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Line %d of %s: bad population %s".formatted(lineNumber, RESOURCE, f.get(2)), e);
            }
            List<String> postalCodes = Arrays.stream(f.get(3).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            communes.add(new Commune(f.get(0), f.get(1), population, postalCodes,
                    TextKeys.blankToNull(f.get(4)), TextKeys.blankToNull(f.get(5)), TextKeys.blankToNull(f.get(6))));
        }
        return communes;
    }

    /** Splits one CSV line; fields may be quoted, with "" for a quote inside. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
