package org.notifyoncamel.recipients;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.notifyoncamel.templates.Whitespace;

/**
 * A postal address as notifications-utils 43.9.1 reads it ({@code notifications_utils/postal_address.py},
 * notifications-template-preview app/precompiled.py): lines whitespace-normalised, trailing spaces and commas and empty
 * lines dropped, the last
 * line read as a country when it names one (UK islands count as the United Kingdom), and for UK addresses the
 * line before it as a postcode.
 */
public final class PostalAddress {

    public static final int MIN_LINES = 3;
    public static final int MAX_LINES = 7;
    private static final String INVALID_FIRST_CHARACTERS = "[\\/()@]<>\",=";
    private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-BD-HJLNP-UW-Z]{2})|(BFPO?(C/O)?[0-9]{1,4})|(GIR0AA)");

    private final List<String> linesWithoutCountry;
    private final String country;
    private final boolean allowInternational;

    private PostalAddress(List<String> linesWithoutCountry, String country, boolean allowInternational) {
        this.linesWithoutCountry = linesWithoutCountry;
        this.country = country;
        this.allowInternational = allowInternational;
    }

    public static PostalAddress of(String raw, boolean allowInternational) {
        List<String> lines = new ArrayList<>();
        for (String line : raw.strip().split("\\r\\n|\\r|\\n")) {
            String cleaned = Whitespace.removeBeforePunctuation(stripTrailing(Whitespace.normalise(line)));
            if (!cleaned.isEmpty()) {
                lines.add(cleaned);
            }
        }
        Optional<String> country = lines.isEmpty() ? Optional.empty() : Countries.get().canonical(lines.get(lines.size() - 1));
        if (country.isPresent()) {
            return new PostalAddress(List.copyOf(lines.subList(0, lines.size() - 1)), country.get(), allowInternational);
        }
        return new PostalAddress(List.copyOf(lines), Countries.UK, allowInternational);
    }

    /**
     * The address in a letter's personalisation: {@code address_line_1..6} and {@code postcode}, or {@code address_line_1..7}
     * when an {@code address_line_7} key is present; {@code text} turns a value into its Python {@code str} ("" for falsy).
     */
    public static PostalAddress fromPersonalisation(Function<String, String> text, boolean hasLine7, boolean allowInternational) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= (hasLine7 ? 7 : 6); i++) {
            keys.add("address_line_" + i);
        }
        if (!hasLine7) {
            keys.add("postcode");
        }
        return of(String.join("\n", keys.stream().map(text).toList()), allowInternational);
    }

    public boolean international() {
        return Countries.get().zone(country) != Countries.Zone.UNITED_KINGDOM;
    }

    /** {@code europe} or {@code rest-of-world} for international addresses; empty for UK ones. */
    public Optional<String> internationalPostage() {
        return switch (Countries.get().zone(country)) {
            case EUROPE -> Optional.of("europe");
            case REST_OF_WORLD -> Optional.of("rest-of-world");
            case UNITED_KINGDOM -> Optional.empty();
        };
    }

    /** The re-spaced postcode of a UK address, when its last line is one. */
    public Optional<String> postcode() {
        if (international() || linesWithoutCountry.isEmpty()) {
            return Optional.empty();
        }
        return formatPostcode(linesWithoutCountry.get(linesWithoutCountry.size() - 1));
    }

    public List<String> normalisedLines() {
        List<String> lines = new ArrayList<>(linesWithoutCountry);
        if (international()) {
            lines.add(country);
            return lines;
        }
        Optional<String> postcode = postcode();
        if (postcode.isPresent()) {
            lines.set(lines.size() - 1, postcode.get());
        }
        return lines;
    }

    public String normalised() {
        return String.join("\n", normalisedLines());
    }

    public boolean hasEnoughLines() {
        return normalisedLines().size() >= MIN_LINES;
    }

    public boolean hasTooManyLines() {
        return normalisedLines().size() > MAX_LINES;
    }

    public boolean hasValidLastLine() {
        return (allowInternational && international()) || postcode().isPresent();
    }

    public boolean hasInvalidCharacters() {
        return normalisedLines().stream().anyMatch(l -> INVALID_FIRST_CHARACTERS.indexOf(l.charAt(0)) >= 0);
    }

    /** {@code SW1A1AA} -> {@code SW1A 1AA}, {@code BFPO1234} -> {@code BFPO 1234}; empty when not a real postcode. */
    static Optional<String> formatPostcode(String line) {
        StringBuilder compact = new StringBuilder();
        line.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(compact::appendCodePoint);
        String normalised = compact.toString().toUpperCase(Locale.ROOT);
        if (!POSTCODE.matcher(normalised).matches()) {
            return Optional.empty();
        }
        if (normalised.startsWith("BFPO")) {
            String rest = normalised.replaceFirst("^BFPO?", "");
            if (rest.startsWith("C/O")) {
                return Optional.of("BFPO C/O " + rest.substring(3));
            }
            return Optional.of("BFPO " + rest);
        }
        return Optional.of(normalised.substring(0, normalised.length() - 3) + " " + normalised.substring(normalised.length() - 3));
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == ',')) {
            end--;
        }
        return line.substring(0, end);
    }
}
