package org.notifyoncamel.recipients;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.notifyoncamel.recipients.Countries.Country;
import org.notifyoncamel.recipients.Countries.PostageZone;
import org.notifyoncamel.templates.Whitespace;

/**
 * A postal address as Notify reads it (notifications-utils 43.9.1 {@code postal_address.py::PostalAddress}): lines
 * whitespace-normalised, trailing spaces and commas stripped, whitespace before {@code ,}/{@code .} removed, empty
 * lines dropped; the last line may name a country (UK islands count as the United Kingdom); a UK address must end
 * with a real postcode, which is re-spaced and upper-cased. The first {@link Problem} decides the error; the
 * callers (the v2 API for templated letters, the precompiled validator) turn it into their own wording.
 */
public final class PostalAddress {

    public static final int MIN_LINES = 3;
    public static final int MAX_LINES = 7;
    /** First characters no line may start with (utils 43.9.1 added {@code <} and {@code >}). */
    public static final String INVALID_FIRST_CHARACTERS = "[\\/()@]<>\",=";

    private static final Pattern POSTCODE = Pattern.compile(
        "([A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-BD-HJLNP-UW-Z]{2})|(BFPO?(C/O)?[0-9]{1,4})|(GIR0AA)");

    /** Why an address cannot be used, in the order the checks run. */
    public enum Problem {
        NOT_ENOUGH_LINES, TOO_MANY_LINES, INVALID_LAST_LINE, INVALID_FIRST_CHARACTER
    }

    private final boolean allowInternational;
    private final Country country;
    private final List<String> linesWithoutCountry;
    private final String postcode;

    private PostalAddress(String raw, boolean allowInternational, Countries countries) {
        this.allowInternational = allowInternational;
        List<String> lines = new ArrayList<>();
        for (String line : Whitespace.splitLines(raw == null ? "" : raw)) {
            String trimmed = stripTrailingSpacesAndCommas(Whitespace.normalise(line));
            if (!trimmed.isEmpty()) {
                lines.add(Whitespace.removeBeforePunctuation(trimmed));
            }
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        Optional<Country> named = countries.find(lines.get(lines.size() - 1));
        if (named.isPresent()) {
            this.country = named.get();
            this.linesWithoutCountry = List.copyOf(lines.subList(0, lines.size() - 1));
        } else {
            this.country = new Country(Countries.UNITED_KINGDOM, PostageZone.UK);
            this.linesWithoutCountry = List.copyOf(lines);
        }
        this.postcode = country.international() || linesWithoutCountry.isEmpty()
            ? null : formatPostcode(linesWithoutCountry.get(linesWithoutCountry.size() - 1));
    }

    /** Reads an address given as lines separated by newlines. */
    public static PostalAddress parse(String raw, boolean allowInternational) {
        return new PostalAddress(raw, allowInternational, Countries.standard());
    }

    /** Reads an address given as separate lines (e.g. personalisation values), empty lines allowed. */
    public static PostalAddress ofLines(List<String> lines, boolean allowInternational) {
        return parse(String.join("\n", lines), allowInternational);
    }

    /** The lines as printed: the postcode re-spaced, a country line replaced by its canonical name, UK dropped. */
    public List<String> normalisedLines() {
        if (international()) {
            List<String> lines = new ArrayList<>(linesWithoutCountry);
            lines.add(country.canonicalName());
            return List.copyOf(lines);
        }
        if (postcode != null) {
            List<String> lines = new ArrayList<>(linesWithoutCountry.subList(0, linesWithoutCountry.size() - 1));
            lines.add(postcode);
            return List.copyOf(lines);
        }
        return linesWithoutCountry;
    }

    /** {@link #normalisedLines()} joined with newlines: the notification's {@code to}. */
    public String normalised() {
        return String.join("\n", normalisedLines());
    }

    public boolean international() {
        return country.international();
    }

    public PostageZone zone() {
        return country.zone();
    }

    public String countryName() {
        return country.canonicalName();
    }

    public Optional<String> postcode() {
        return Optional.ofNullable(postcode);
    }

    public boolean hasEnoughLines() {
        return normalisedLines().size() >= MIN_LINES;
    }

    public boolean hasTooManyLines() {
        return normalisedLines().size() > MAX_LINES;
    }

    /** A real UK postcode, or a country when international letters are allowed. */
    public boolean hasValidLastLine() {
        return (allowInternational && international()) || postcode != null;
    }

    public boolean hasInvalidFirstCharacter() {
        return normalisedLines().stream()
            .anyMatch(line -> !line.isEmpty() && INVALID_FIRST_CHARACTERS.indexOf(line.charAt(0)) >= 0);
    }

    /** The first check that fails, in Notify's order; empty when the address can be printed. */
    public Optional<Problem> problem() {
        if (!hasEnoughLines()) {
            return Optional.of(Problem.NOT_ENOUGH_LINES);
        }
        if (hasTooManyLines()) {
            return Optional.of(Problem.TOO_MANY_LINES);
        }
        if (!hasValidLastLine()) {
            return Optional.of(Problem.INVALID_LAST_LINE);
        }
        if (hasInvalidFirstCharacter()) {
            return Optional.of(Problem.INVALID_FIRST_CHARACTER);
        }
        return Optional.empty();
    }

    public boolean valid() {
        return problem().isEmpty();
    }

    /** Whether {@code value} is a real UK postcode (spaces and case ignored). */
    public static boolean isRealUkPostcode(String value) {
        return POSTCODE.matcher(normalisePostcode(value)).matches();
    }

    /** The postcode as printed ({@code SW1A 1AA}, {@code BFPO 1234}, {@code BFPO C/O 1234}), or null if not real. */
    static String formatPostcode(String value) {
        if (!isRealUkPostcode(value)) {
            return null;
        }
        String postcode = normalisePostcode(value);
        if (postcode.contains("BFPOC/O")) {
            return postcode.substring(0, 4) + " C/O " + postcode.substring(7);
        }
        if (postcode.contains("BFPO")) {
            return postcode.substring(0, 4) + " " + postcode.substring(4);
        }
        return postcode.substring(0, postcode.length() - 3) + " " + postcode.substring(postcode.length() - 3);
    }

    private static String normalisePostcode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(cp -> !Whitespace.isSpace(cp) && Whitespace.ZERO_WIDTH.indexOf(cp) < 0)
            .forEach(out::appendCodePoint);
        return out.toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static String stripTrailingSpacesAndCommas(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == ',')) {
            end--;
        }
        return line.substring(0, end);
    }

    @Override
    public String toString() {
        // an address is personal data: never print it
        return "PostalAddress[" + normalisedLines().size() + " lines, " + country.zone() + "]";
    }
}
