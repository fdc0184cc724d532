package org.notifyoncamel.letters;

import java.util.ArrayList;
import java.util.List;

import org.notifyoncamel.recipients.PostalAddress;
import org.notifyoncamel.templates.PythonValues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A letter's address from its personalisation (notifications-utils notifications_utils/postal_address.py;
 * notifications-utils notifications_utils/jinja_templates/letter_pdf/ "Address lines").
 */
public final class LetterAddresses {

    private LetterAddresses() {
    }

    /** The exact snake_case keys; falsy values count as empty lines, others as Python's {@code str}. */
    public static PostalAddress of(ObjectNode personalisation, boolean allowInternational) {
        boolean line7 = personalisation != null && personalisation.has("address_line_7");
        return PostalAddress.fromPersonalisation(key -> text(personalisation, key), line7, allowInternational);
    }

    /**
     * The lines printed in the window: the normalised address when it has 3 to 7 lines, otherwise the raw values of
     * address lines 1-6 and the postcode (or line 7), as the original's {@code _address_block} does.
     */
    public static List<String> printedLines(ObjectNode personalisation) {
        PostalAddress address = of(personalisation, true);
        if (address.hasEnoughLines() && !address.hasTooManyLines()) {
            return address.normalisedLines();
        }
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            lines.add(text(personalisation, "address_line_" + i));
        }
        String last = text(personalisation, "address_line_7");
        lines.add(last.isEmpty() ? text(personalisation, "postcode") : last);
        return lines.stream().filter(l -> !l.isBlank()).toList();
    }

    static String text(ObjectNode personalisation, String key) {
        if (personalisation == null) {
            return "";
        }
        JsonNode value = personalisation.get(key);
        if (value == null || value.isNull() || value.isMissingNode()
                || (value.isTextual() && value.asText().isEmpty())
                || (value.isNumber() && value.asDouble() == 0)
                || (value.isBoolean() && !value.asBoolean())
                || (value.isContainerNode() && value.isEmpty())) {
            return "";
        }
        return PythonValues.str(value);
    }
}
