package org.notifyoncamel.recipients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Country names for postal addresses (notifications-utils notifications_utils/postal_address.py, notifications-api
 * app/models.py), from notifications-utils' country data
 * ({@code notifications_utils/countries/data.py}, copied into {@code data/countries-*}): every name, synonym, Welsh
 * name, UK island and ended country maps to a canonical name, and each canonical name to a postage zone.
 */
public final class Countries {

    public static final String UK = "United Kingdom";

    /** Postage zones (notifications-api app/models.py). */
    public enum Zone { UNITED_KINGDOM, EUROPE, REST_OF_WORLD }

    private static final Countries INSTANCE = load();

    private final Map<String, String> canonicalByKey;
    private final Set<String> europe;

    private Countries(Map<String, String> canonicalByKey, Set<String> europe) {
        this.canonicalByKey = canonicalByKey;
        this.europe = europe;
    }

    public static Countries get() {
        return INSTANCE;
    }

    /** The canonical country named by this line, if the line names one (a line with a digit never does). */
    public Optional<String> canonical(String line) {
        if (line == null || line.chars().anyMatch(Character::isDigit)) {
            return Optional.empty();
        }
        // utils' CountryMapping.__getitem__ also tries the name with a leading "the", "yr" or "y" ("Bahamas")
        for (String candidate : List.of(line, "the " + line, "yr " + line, "y " + line)) {
            String canonical = canonicalByKey.get(key(candidate));
            if (canonical != null) {
                return Optional.of(canonical);
            }
        }
        return Optional.empty();
    }

    public Zone zone(String canonicalName) {
        if (UK.equals(canonicalName)) {
            return Zone.UNITED_KINGDOM;
        }
        return europe.contains(canonicalName) ? Zone.EUROPE : Zone.REST_OF_WORLD;
    }

    /** utils' {@code CountryMapping._make_key}: lower case, without {@code  _-',.()+&}, accents folded to ASCII. */
    static String key(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (" _-',.()+&\u2019".indexOf(c) < 0) {
                out.append(Character.toLowerCase(c));
            }
        }
        String folded = Normalizer.normalize(out, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return folded.chars().allMatch(ch -> ch < 128) ? folded : out.toString();
    }

    private static Countries load() {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode graph = json(mapper, "countries-location-autocomplete-graph.json");
        JsonNode ended = json(mapper, "countries-ended-countries.json");
        List<String> ukIslands = lines("countries-uk-islands.txt");
        Map<String, String> byKey = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : graph.properties()) {
            JsonNode item = entry.getValue();
            String synonym = item.path("names").path("en-GB").asText();
            String canonical = canonical(graph, item);
            if (ukIslands.contains(canonical)) {
                // every name of a UK island (e.g. its ISO code) is the United Kingdom, as utils' data.py maps them
                byKey.put(key(synonym), UK);
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
        for (String island : ukIslands) {
            byKey.put(key(island), UK);
        }
        for (String island : lines("countries-european-islands.txt")) {
            byKey.put(key(island), island);
        }
        for (String file : List.of("countries-welsh-names.json", "countries-synonyms.json")) {
            json(mapper, file).properties().forEach(e -> byKey.put(key(e.getKey()), e.getValue().asText()));
        }
        Set<String> europe = lines("countries-europe.txt").stream().collect(Collectors.toUnmodifiableSet());
        return new Countries(Map.copyOf(byKey), europe);
    }

    private static String canonical(JsonNode graph, JsonNode item) {
        JsonNode current = item;
        for (int hops = 0; hops < 20; hops++) {
            if (current.path("meta").path("canonical").asBoolean()) {
                return current.path("names").path("en-GB").asText();
            }
            current = graph.get(current.path("edges").path("from").get(0).asText());
        }
        throw new IllegalStateException("country graph loops");
    }

    private static JsonNode json(ObjectMapper mapper, String file) {
        try (InputStream in = resource(file)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String file) {
        try (InputStream in = resource(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = Countries.class.getResourceAsStream("/data/" + file);
        if (in == null) {
            throw new IllegalStateException("missing resource data/" + file);
        }
        return in;
    }
}
