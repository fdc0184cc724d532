package org.notifyoncamel.templates;

import java.util.Locale;
import java.util.Set;

/**
 * One {@code ((…))} placeholder. The name is the body up to the first {@code ??}; a conditional
 * placeholder {@code ((name??text))} shows {@code text} when its value is truthy.
 */
public record Placeholder(String body) {

    private static final String CONDITION = "??";
    private static final Set<String> TRUTHY = Set.of("yes", "y", "true", "t", "1", "include", "show");

    public String name() {
        int at = body.indexOf(CONDITION);
        return at < 0 ? body : body.substring(0, at);
    }

    public boolean isConditional() {
        return body.contains(CONDITION);
    }

    /** Text after the first {@code ??}; empty for a plain placeholder. */
    public String conditionalText() {
        int at = body.indexOf(CONDITION);
        return at < 0 ? "" : body.substring(at + CONDITION.length());
    }

    /** The output of a conditional placeholder for a (non-null) value. */
    public String conditionalOutput(Object value) {
        return TRUTHY.contains(PythonValues.str(value).toLowerCase(Locale.ROOT)) ? conditionalText() : "";
    }

    /** The placeholder as written in the template. */
    public String asWritten() {
        return "((" + body + "))";
    }
}
