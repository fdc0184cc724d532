package org.notifyoncamel.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {

    private static Personalisation p(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return Personalisation.of(map);
    }

    @Test
    void parsesNamesInOrderWithoutDuplicates() {
        assertThat(Placeholders.names("Hi ((name)), ((date)) and ((name)) ((show??yes))", "((other))"))
            .containsExactly("name", "date", "show", "other");
        assertThat(Placeholders.names("no placeholders ( (x) ) ((", null)).isEmpty();
        assertThat(Placeholders.names("((a(b))) ((c))")).containsExactly("c");
    }

    @Test
    void conditionalPlaceholderParts() {
        Placeholder placeholder = Placeholders.parse("((has pet??You have a pet?? Nice))").get(0);
        assertThat(placeholder.name()).isEqualTo("has pet");
        assertThat(placeholder.isConditional()).isTrue();
        assertThat(placeholder.conditionalText()).isEqualTo("You have a pet?? Nice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"first_name", "FIRST-NAME", "firstname", "First Name", "first_-_name"})
    void namesMatchIgnoringCaseSpaceUnderscoreHyphen(String key) {
        assertThat(Placeholders.fill("Hi ((First name))", p(key, "Jo"), Placeholders.ListStyle.INLINE))
            .isEqualTo("Hi Jo");
        assertThat(Placeholders.missing(p(key, "Jo"), "((First name))")).isEmpty();
    }

    @Test
    void missingWhenAbsentOrNullButNotWhenEmpty() {
        Map<String, Object> values = new HashMap<>();
        values.put("a", null);
        values.put("b", "");
        assertThat(Placeholders.missing(Personalisation.of(values), "((a)) ((b)) ((c)) ((A))")).containsExactly("a", "c", "A");
        assertThat(Placeholders.missingMessage(Personalisation.of(values), "((subject thing))", "((a)) ((b))"))
            .contains("Missing personalisation: subject thing, a");
        assertThat(Placeholders.missingMessage(p("a", 1), "((a))")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "yes, shown", "Y, shown", "true, shown", "T, shown", "1, shown", "include, shown", "SHOW, shown",
        "no, ''", "0, ''", "false, ''", "'', ''", "maybe, ''",
    })
    void conditionalOutput(String value, String expected) {
        assertThat(Placeholders.fill("((x??shown))", p("x", value), Placeholders.ListStyle.INLINE)).isEqualTo(expected);
    }

    @Test
    void conditionalWithNonStringValues() {
        assertThat(Placeholders.fill("((x??on))", p("x", true), Placeholders.ListStyle.INLINE)).isEqualTo("on");
        assertThat(Placeholders.fill("((x??on))", p("x", 1), Placeholders.ListStyle.INLINE)).isEqualTo("on");
        assertThat(Placeholders.fill("((x??on))", p("x", false), Placeholders.ListStyle.INLINE)).isEmpty();
        assertThat(Placeholders.fill("((x??on))", p("x", 1.0), Placeholders.ListStyle.INLINE)).isEmpty();
        assertThat(Placeholders.fill("[((x??on))]", Personalisation.empty(), Placeholders.ListStyle.INLINE)).isEqualTo("[((x??on))]");
    }

    @Test
    void stringifiesLikePython() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("a", 1);
        dict.put("b", List.of("x", true));
        dict.put("c", null);
        dict.put("d", "it's");
        assertThat(PythonValues.str(dict)).isEqualTo("{'a': 1, 'b': ['x', True], 'c': None, 'd': \"it's\"}");
        assertThat(PythonValues.str(5)).isEqualTo("5");
        assertThat(PythonValues.str(5.0)).isEqualTo("5.0");
        assertThat(PythonValues.str(true)).isEqualTo("True");
        assertThat(PythonValues.str(false)).isEqualTo("False");
        assertThat(PythonValues.str("text")).isEqualTo("text");
        assertThat(PythonValues.repr("a\nb")).isEqualTo("'a\\nb'");
    }

    @ParameterizedTest
    @CsvSource({
        "5.0, 5.0", "0.1, 0.1", "1.5, 1.5", "1e16, 1e+16", "1.5e16, 1.5e+16", "123456789012345.0, 123456789012345.0",
        "0.0001, 0.0001", "0.00001, 1e-05", "-2.5, -2.5", "1e22, 1e+22", "100.0, 100.0", "0.0, 0.0",
    })
    void floatsLikePython(double value, String expected) {
        assertThat(PythonValues.reprFloat(value)).isEqualTo(expected);
    }

    @Test
    void listsInline() {
        assertThat(Placeholders.fill("((l))", p("l", List.of("a", "b", "c")), Placeholders.ListStyle.INLINE)).isEqualTo("a, b and c");
        assertThat(Placeholders.fill("((l))", p("l", List.of("a", "b")), Placeholders.ListStyle.INLINE)).isEqualTo("a and b");
        assertThat(Placeholders.fill("((l))", p("l", List.of("a")), Placeholders.ListStyle.INLINE)).isEqualTo("a");
        assertThat(Placeholders.fill("[((l))]", p("l", List.of()), Placeholders.ListStyle.INLINE)).isEqualTo("[]");
        assertThat(Placeholders.fill("((l))", p("l", Arrays.asList(" a ", null, "", "  ", 2, 3.0, false)), Placeholders.ListStyle.INLINE))
            .isEqualTo("a, 2, 3.0 and False");
    }

    @Test
    void listsAsMarkdown() {
        assertThat(Placeholders.fill("List:((l))", p("l", List.of("a", "b")), Placeholders.ListStyle.MARKDOWN))
            .isEqualTo("List:\n\n* a\n* b");
        assertThat(Placeholders.fill("List:((l))", p("l", List.of()), Placeholders.ListStyle.MARKDOWN)).isEqualTo("List:");
    }

    @Test
    void escapingAppliesToTemplateAndValues() {
        assertThat(Placeholders.fill("<b>((x))</b>", p("x", "<i>&"), Placeholders.ListStyle.INLINE, HtmlEscaping::escape))
            .isEqualTo("&lt;b&gt;&lt;i&gt;&amp;&lt;/b&gt;");
    }

    @Test
    void missingPlaceholdersStayAsWritten() {
        assertThat(Placeholders.fill("Hi ((name)) ((other))", p("name", "$1 \\"), Placeholders.ListStyle.INLINE))
            .isEqualTo("Hi $1 \\ ((other))");
    }

    @Test
    void templateCheckMessages() {
        assertThatThrownBy(() -> TemplateChecks.checkPersonalisation(p("a", 1), "((a)) ((b)) ((c))"))
            .isInstanceOf(TemplateException.class).hasMessage("Missing personalisation: b, c");
        assertThatThrownBy(() -> TemplateChecks.checkSmsNotEmpty(""))
            .isInstanceOf(TemplateException.class).hasMessage("Your message is empty.");
        assertThatThrownBy(() -> TemplateChecks.checkBodyNotEmpty("((a))", ""))
            .hasMessage("Your message is empty.");
        TemplateChecks.checkBodyNotEmpty("x ((a))", "x");
        TemplateChecks.checkBodyNotEmpty("((a)) x", "");
    }

    @Test
    void tooLongMessages() {
        TemplateChecks.checkSmsLength("a".repeat(918));
        assertThatThrownBy(() -> TemplateChecks.checkSmsLength("a".repeat(919)))
            .isInstanceOf(TemplateException.class)
            .hasMessage("Your message is too long. Text messages cannot be longer than 918 characters. Your message is 919 characters long.");
        TemplateChecks.checkEmailSize("a".repeat(2_000_000));
        assertThatThrownBy(() -> TemplateChecks.checkEmailSize("a".repeat(1_999_999) + "é"))
            .hasMessage("Your message is too long. Emails cannot be longer than 2000000 bytes. Your message is 2000001 bytes.");
    }
}
