package org.notifyoncamel.templates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finding, checking and filling in {@code ((placeholders))} (notifications-utils notifications_utils/field.py). */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()]+)\\)\\)");

    /** How list values are written. */
    public enum ListStyle {
        /** {@code a, b and c}: SMS bodies, subjects, letter contact blocks. */
        INLINE,
        /** {@code "\n\n* a\n* b"}: email and letter bodies. */
        MARKDOWN
    }

    private Placeholders() {
    }

    /** Every placeholder of a text, in order, duplicates included. */
    public static List<Placeholder> parse(String text) {
        List<Placeholder> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(new Placeholder(m.group(1)));
        }
        return found;
    }

    /**
     * Placeholder names as written, ordered by first appearance across the texts (pass subject
     * before body, etc.), without duplicates.
     */
    public static List<String> names(String... texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            parse(text).forEach(p -> names.add(p.name()));
        }
        return List.copyOf(names);
    }

    /** Names (as written) that have no value, or a null value, in the personalisation. */
    public static List<String> missing(Personalisation personalisation, String... texts) {
        return names(texts).stream().filter(name -> !personalisation.has(name)).toList();
    }

    /** {@code Missing personalisation: a, b} or empty when nothing is missing. */
    public static java.util.Optional<String> missingMessage(Personalisation personalisation, String... texts) {
        List<String> missing = missing(personalisation, texts);
        return missing.isEmpty()
            ? java.util.Optional.empty()
            : java.util.Optional.of("Missing personalisation: " + String.join(", ", missing));
    }

    /** Fills placeholders in without any escaping; missing placeholders stay as written. */
    public static String fill(String content, Personalisation values, ListStyle listStyle) {
        return fill(content, values, listStyle, UnaryOperator.identity());
    }

    /**
     * Fills placeholders in. {@code escape} is applied to the template text (outside placeholders)
     * and to every value (each list item separately); conditional text is template text.
     */
    public static String fill(String content, Personalisation values, ListStyle listStyle, UnaryOperator<String> escape) {
        if (content == null) {
            return null;
        }
        String escaped = escape.apply(content);
        Matcher m = PLACEHOLDER.matcher(escaped);
        StringBuilder out = new StringBuilder(escaped.length());
        while (m.find()) {
            Placeholder placeholder = new Placeholder(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(placeholder, values, listStyle, escape)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replacement(Placeholder placeholder, Personalisation values, ListStyle listStyle,
                                      UnaryOperator<String> escape) {
        Object value = values.get(placeholder.name()).orElse(null);
        if (value == null) {
            return placeholder.asWritten();
        }
        if (placeholder.isConditional()) {
            return placeholder.conditionalOutput(value);
        }
        Object plain = value instanceof com.fasterxml.jackson.databind.JsonNode node && node.isArray()
            ? new com.fasterxml.jackson.databind.ObjectMapper().convertValue(node, List.class)
            : value;
        if (plain instanceof List<?> list) {
            List<String> items = list.stream()
                .filter(item -> item != null && !(item instanceof com.fasterxml.jackson.databind.JsonNode n && n.isNull()))
                .map(item -> PythonValues.str(item).strip())
                .filter(item -> !item.isEmpty())
                .map(escape)
                .toList();
            return formatList(items, listStyle);
        }
        return escape.apply(PythonValues.str(value));
    }

    static String formatList(List<String> items, ListStyle style) {
        if (items.isEmpty()) {
            return "";
        }
        if (style == ListStyle.MARKDOWN) {
            StringBuilder out = new StringBuilder("\n\n");
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append('\n');
                }
                out.append("* ").append(items.get(i));
            }
            return out.toString();
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
