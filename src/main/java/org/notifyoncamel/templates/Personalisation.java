package org.notifyoncamel.templates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Personalisation values looked up the way placeholders match them: ignoring case, spaces,
 * {@code _} and {@code -} ({@code ((First name))} matches {@code first_name}). When two keys
 * normalise to the same name, the last one wins (as in the original's dict construction).
 */
public final class Personalisation {

    private static final Personalisation EMPTY = new Personalisation(Map.of());

    private final Map<String, Object> values;

    private Personalisation(Map<String, Object> values) {
        this.values = values;
    }

    public static Personalisation of(Map<String, ?> personalisation) {
        if (personalisation == null || personalisation.isEmpty()) {
            return EMPTY;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        personalisation.forEach((key, value) -> values.put(normaliseName(key), value));
        return new Personalisation(Collections.unmodifiableMap(values));
    }

    public static Personalisation empty() {
        return EMPTY;
    }

    /** Lower-cased, with spaces, underscores and hyphens removed. */
    public static String normaliseName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().filter(cp -> cp != ' ' && cp != '_' && cp != '-').forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether a non-null value exists for the name. */
    public boolean has(String placeholderName) {
        return values.get(normaliseName(placeholderName)) != null;
    }

    /** The value for the name; empty when absent or JSON null. */
    public Optional<Object> get(String placeholderName) {
        return Optional.ofNullable(values.get(normaliseName(placeholderName)));
    }
}
