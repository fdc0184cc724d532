package org.notifyoncamel.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns personalisation values (as parsed from JSON) into the text the original Python service
 * would have produced with {@code str(value)}: {@code True}, {@code 5.0}, {@code {'a': 1}}.
 */
public final class PythonValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PythonValues() {
    }

    /** Python {@code str(value)}; {@code null} becomes {@code None}. */
    public static String str(Object value) {
        Object v = unwrap(value);
        if (v instanceof String s) {
            return s;
        }
        return repr(v);
    }

    /** Python {@code repr(value)}. */
    public static String repr(Object value) {
        Object v = unwrap(value);
        if (v == null) {
            return "None";
        }
        if (v instanceof String s) {
            return reprString(s);
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
            || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            return reprFloat(((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return reprFloat(d.doubleValue());
        }
        if (v instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                out.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append('}').toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append(repr(list.get(i)));
            }
            return out.append(']').toString();
        }
        return v.toString();
    }

    /** Python's shortest round-trip float repr: {@code 5.0}, {@code 1e+16}, {@code 1e-05}. */
    static String reprFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exponent = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            if (exponent >= 0) {
                String whole = digits.length() > exponent + 1
                    ? digits.substring(0, exponent + 1)
                    : digits + "0".repeat(exponent + 1 - digits.length());
                String fraction = digits.length() > exponent + 1 ? digits.substring(exponent + 1) : "0";
                return sign + whole + "." + fraction;
            }
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    private static String reprString(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append(quote).toString();
    }

    private static Object unwrap(Object value) {
        if (value instanceof JsonNode node) {
            return node.isNull() || node.isMissingNode() ? null : MAPPER.convertValue(node, Object.class);
        }
        return value;
    }
}
