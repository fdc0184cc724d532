package org.notifyoncamel.recipients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The international SMS dialling prefixes of {@code data/international_billing_rates.yml}:
 * billable units per fragment, delivery-receipt support and country names. Prefixes are matched
 * longest first.
 */
public final class InternationalBillingRates {

    public static final String DEFAULT_RESOURCE = "/data/international_billing_rates.yml";

    /** One prefix of the file. */
    public record Rate(String prefix, int billableUnits, boolean dlrSupported, List<String> names) {
    }

    private final Map<String, Rate> byPrefix;
    private final List<String> prefixesLongestFirst;

    public InternationalBillingRates(Map<String, Rate> byPrefix) {
        this.byPrefix = Map.copyOf(byPrefix);
        List<String> prefixes = new ArrayList<>(byPrefix.keySet());
        prefixes.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.prefixesLongestFirst = List.copyOf(prefixes);
    }

    /** Loads the file shipped in the application's resources. */
    public static InternationalBillingRates loadDefault() {
        try (InputStream in = InternationalBillingRates.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static InternationalBillingRates load(InputStream yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, Rate> rates = new LinkedHashMap<>();
        ((Map<Object, Object>) root).forEach((key, value) -> {
            String prefix = String.valueOf(key);
            Map<String, Object> entry = (Map<String, Object>) value;
            Map<String, Object> attributes = (Map<String, Object>) entry.getOrDefault("attributes", Map.of());
            Object dlr = attributes.get("dlr");
            boolean dlrSupported = dlr != null && "yes".equalsIgnoreCase(String.valueOf(dlr));
            int units = ((Number) entry.get("billable_units")).intValue();
            List<String> names = ((List<Object>) entry.getOrDefault("names", List.of()))
                .stream().map(String::valueOf).toList();
            rates.put(prefix, new Rate(prefix, units, dlrSupported, names));
        });
        return new InternationalBillingRates(rates);
    }

    /** The longest known prefix the digits start with. */
    public Optional<Rate> match(String digits) {
        for (String prefix : prefixesLongestFirst) {
            if (digits.startsWith(prefix)) {
                return Optional.of(byPrefix.get(prefix));
            }
        }
        return Optional.empty();
    }

    public Optional<Rate> forPrefix(String prefix) {
        return Optional.ofNullable(byPrefix.get(prefix));
    }

    public int size() {
        return byPrefix.size();
    }
}
