package org.notifyoncamel.recipients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Country and territory names as a postal address's last line may give them, mapped to their canonical name and
 * Royal Mail postage zone: the data files of notifications-utils ({@code countries/_data}, in {@code data/}) read
 * the way {@code notifications_utils/countries/__init__.py} reads them. UK islands count as the United Kingdom,
 * ended countries map to their successor (or to nothing), and names match ignoring case, spaces, punctuation,
 * accents and a leading "the"/"yr"/"y".
 */
public final class Countries {

    public static final String UNITED_KINGDOM = "United Kingdom";

    /** Where a letter to that country goes; {@link #UK} is not international. */
    public enum PostageZone {
        UK("united-kingdom"), EUROPE("europe"), REST_OF_WORLD("rest-of-world");

        private final String postage;

        PostageZone(String postage) {
            this.postage = postage;
        }

        /** The notification's {@code postage} for an international zone ({@code europe}, {@code rest-of-world}). */
        public String postage() {
            return postage;
        }
    }

    /** A known country: its canonical name and zone. */
    public record Country(String canonicalName, PostageZone zone) {
        public boolean international() {
            return zone != PostageZone.UK;
        }
    }

    private static final String CHARACTERS_IGNORED = " _-'\u2019,.()";
    private static final Countries DEFAULT = load();

    private final Map<String, String> canonicalByKey;
    private final Set<String> europe;

    Countries(Map<String, String> canonicalByKey, Set<String> europe) {
        this.canonicalByKey = Map.copyOf(canonicalByKey);
        this.europe = Set.copyOf(europe);
    }

    /** The data shipped in the application's resources (loaded once; the instance is immutable). */
    public static Countries standard() {
        return DEFAULT;
    }

    /** The country a line names, if any. A line with a digit (a postcode, most likely) never names one. */
    public Optional<Country> find(String name) {
        if (name == null || name.chars().anyMatch(Character::isDigit)) {
            return Optional.empty();
        }
        for (String candidate : List.of(name, "the " + name, "yr " + name, "y " + name)) {
            String canonical = canonicalByKey.get(key(candidate));
            if (canonical != null) {
                return Optional.of(new Country(canonical, zoneOf(canonical)));
            }
        }
        return Optional.empty();
    }

    private PostageZone zoneOf(String canonical) {
        if (UNITED_KINGDOM.equals(canonical)) {
            return PostageZone.UK;
        }
        return europe.contains(canonical) ? PostageZone.EUROPE : PostageZone.REST_OF_WORLD;
    }

    /** Lower case, without the ignored punctuation, accents folded to ASCII where the whole name folds. */
    static String key(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (CHARACTERS_IGNORED.indexOf(cp) < 0) {
                kept.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        String normalised = kept.toString();
        String folded = Normalizer.normalize(normalised, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.chars().allMatch(c -> c < 128) ? folded : normalised;
    }

    // ---------------------------------------------------------------- loading

    private static Countries load() {
        ObjectMapper json = new ObjectMapper();
        JsonNode graph = readJson(json, "countries-location-autocomplete-graph.json");
        JsonNode ended = readJson(json, "countries-ended-countries.json");
        Set<String> ukIslands = readLines("countries-uk-islands.txt");
        Set<String> europeanIslands = readLines("countries-european-islands.txt");
        Set<String> europe = readLines("countries-europe.txt");

        Map<String, String> byKey = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : graph.properties()) {
            JsonNode item = entry.getValue();
            String synonym = item.path("names").path("en-GB").asText();
            String canonical = canonicalName(graph, item);
            if (ukIslands.contains(canonical)) {
                byKey.put(key(synonym), UNITED_KINGDOM);
            } else if (ended.has(canonical)) {
                JsonNode successor = ended.get(canonical);
                if (!successor.isNull()) {
                    byKey.put(key(canonical), successor.asText());
                    byKey.put(key(synonym), successor.asText());
                }
            } else {
                byKey.put(key(synonym), canonical);
            }
        }
        ukIslands.forEach(island -> byKey.put(key(island), UNITED_KINGDOM));
        europeanIslands.forEach(island -> byKey.put(key(island), island));
        readJson(json, "countries-welsh-names.json").properties()
            .forEach(e -> byKey.put(key(e.getKey()), e.getValue().asText()));
        readJson(json, "countries-synonyms.json").properties()
            .forEach(e -> byKey.put(key(e.getKey()), e.getValue().asText()));
        return new Countries(byKey, europe);
    }

    private static String canonicalName(JsonNode graph, JsonNode item) {
        JsonNode current = item;
        for (int hops = 0; hops < 16; hops++) {
            if (current.path("meta").path("canonical").asBoolean()) {
                return current.path("names").path("en-GB").asText();
            }
            current = graph.path(current.path("edges").path("from").path(0).asText());
        }
        throw new IllegalStateException("no canonical country for " + item);
    }

    private static JsonNode readJson(ObjectMapper json, String file) {
        try (InputStream in = resource(file)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> readLines(String file) {
        try (InputStream in = resource(file)) {
            Set<String> lines = new LinkedHashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = Countries.class.getResourceAsStream("/data/" + file);
        if (in == null) {
            throw new IllegalStateException("missing resource /data/" + file);
        }
        return in;
    }

    @Override
    public String toString() {
        return "Countries[" + canonicalByKey.size() + " names, " + europe.size() + " in Europe]";
    }
}
