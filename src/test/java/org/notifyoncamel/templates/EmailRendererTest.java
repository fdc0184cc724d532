package org.notifyoncamel.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notifyoncamel.templates.EmailMarkdown.BR;
import static org.notifyoncamel.templates.EmailMarkdown.HEADING_OPEN;
import static org.notifyoncamel.templates.EmailMarkdown.HR;
import static org.notifyoncamel.templates.EmailMarkdown.INSET_OPEN;
import static org.notifyoncamel.templates.EmailMarkdown.LI_OPEN;
import static org.notifyoncamel.templates.EmailMarkdown.LIST_CLOSE;
import static org.notifyoncamel.templates.EmailMarkdown.LIST_OPEN;
import static org.notifyoncamel.templates.EmailMarkdown.OL_OPEN;
import static org.notifyoncamel.templates.EmailMarkdown.PARAGRAPH_OPEN;
import static org.notifyoncamel.templates.EmailMarkdown.UL_OPEN;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailRendererTest {

    private static final String P = "<p style=\"Margin: 0 0 20px 0; font-size: 19px; line-height: 25px; color: #0B0C0C;\">";
    private static final String A = "<a style=\"word-wrap: break-word; color: #1D70B8;\" href=\"";

    private static String html(String content) {
        return EmailRenderer.html(content, Personalisation.empty());
    }

    @Test
    void stylesAreExact() {
        assertThat(PARAGRAPH_OPEN).isEqualTo(P);
        assertThat(INSET_OPEN).isEqualTo("<blockquote style=\"Margin: 0 0 20px 0; border-left: 10px solid #B1B4B6;padding: 15px 0 0.1px 15px; font-size: 19px; line-height: 25px;\">");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hello \"world\"|Hello “world”",
        "It's 'quoted'|It’s ‘quoted’",
        "\"'Nested' quote\"|“‘Nested’ quote”",
        "the '80s|the ‘80s",
        "in 1980's|in 1980’s",
        "Reply to o'brien@example.com now|Reply to o'brien@example.com now",
        "a - b|a – b",
        "a -- b|a – b",
        "a --- b|a – b",
        "a — b|a – b",
        "a-b|a-b",
        "Hello ,  world .|Hello, world.",
    })
    void subjectTypography(String subject, String expected) {
        assertThat(EmailRenderer.subject(subject, Personalisation.empty())).isEqualTo(expected);
    }

    @Test
    void subjectWhitespaceCollapsed() {
        assertThat(EmailRenderer.subject("  lots \n of\t space\u00A0 ", Personalisation.empty())).isEqualTo("lots of space");
    }

    @Test
    void subjectPlaceholdersAreNotEscapedAndListsInline() {
        Personalisation values = Personalisation.of(Map.of("x", "<b>&", "l", List.of("a", "b")));
        assertThat(EmailRenderer.subject("((x)) ((l))", values)).isEqualTo("<b>& a and b");
    }

    @Test
    void bodyKeepsMarkdownAndTrims() {
        Personalisation values = Personalisation.of(Map.of("l", List.of("a", "b"), "x", "<i>"));
        assertThat(EmailRenderer.body("  Items:((l))\n\n# ((x)) \n", values)).isEqualTo("Items:\n\n* a\n* b\n\n# <i>");
    }

    @Test
    void paragraphsAndLineBreaks() {
        assertThat(html("Hello\nworld\n\nSecond")).isEqualTo(P + "Hello" + BR + "world</p>" + P + "Second</p>");
    }

    @Test
    void headings() {
        assertThat(html("# Title\n\nText")).isEqualTo(HEADING_OPEN + "Title</h2>" + P + "Text</p>");
        assertThat(html("## Smaller")).isEqualTo(P + "Smaller</p>");
        assertThat(html("#Title")).isEqualTo(HEADING_OPEN + "Title</h2>");
    }

    @Test
    void lists() {
        assertThat(html("* one\n* two")).isEqualTo(
            LIST_OPEN + UL_OPEN + LI_OPEN + "one</li>" + LI_OPEN + "two</li></ul>" + LIST_CLOSE);
        assertThat(html("• one\n• two")).isEqualTo(
            LIST_OPEN + UL_OPEN + LI_OPEN + "one</li>" + LI_OPEN + "two</li></ul>" + LIST_CLOSE);
        assertThat(html("1. one\n2. two")).isEqualTo(
            LIST_OPEN + OL_OPEN + LI_OPEN + "one</li>" + LI_OPEN + "two</li></ol>" + LIST_CLOSE);
        assertThat(EmailRenderer.html("You need:((l))", Personalisation.of(Map.of("l", List.of("a", "<b>")))))
            .isEqualTo(P + "You need:</p>" + LIST_OPEN + UL_OPEN + LI_OPEN + "a</li>" + LI_OPEN + "&lt;b&gt;</li></ul>" + LIST_CLOSE);
    }

    @Test
    void listStylesAreExact() {
        assertThat(LIST_OPEN + UL_OPEN).isEqualTo("<table role=\"presentation\" style=\"padding: 0 0 20px 0;\"><tr><td style=\"font-family: Helvetica, Arial, sans-serif;\"><ul style=\"Margin: 0 0 0 20px; padding: 0; list-style-type: disc;\">");
        assertThat(LI_OPEN).isEqualTo("<li style=\"Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;line-height: 25px; color: #0B0C0C;\">");
    }

    @Test
    void insetText() {
        assertThat(html("^ Inset text")).isEqualTo(INSET_OPEN + P + "Inset text</p></blockquote>");
        assertThat(html("Before\n\n^ Inset\n\nAfter")).isEqualTo(P + "Before</p>" + INSET_OPEN + P + "Inset</p></blockquote>" + P + "After</p>");
        assertThat(html("a ^ b")).isEqualTo(P + "a ^ b</p>");
    }

    @Test
    void horizontalRules() {
        assertThat(html("a\n\n---\n\nb")).isEqualTo(P + "a</p>" + HR + P + "b</p>");
        assertThat(html("***")).isEqualTo(HR);
    }

    @Test
    void links() {
        assertThat(html("[GOV.UK Notify](https://www.notifications.service.gov.uk)"))
            .isEqualTo(P + A + "https://www.notifications.service.gov.uk\">GOV.UK Notify</a></p>");
        assertThat(html("[text](https://example.com \"a title\")"))
            .isEqualTo(P + A + "https://example.com\" title=\"a title\">text</a></p>");
        assertThat(html("Go to https://example.com/a?b=1&c=2."))
            .isEqualTo(P + "Go to " + A + "https://example.com/a?b=1&amp;c=2\">https://example.com/a?b=1&amp;c=2</a>.</p>");
        assertThat(html("http://example.com/\"bar\" x"))
            .isEqualTo(P + A + "http://example.com/%22bar\">http://example.com/\"bar</a>” x</p>");
        assertThat(html("https://example.com/caf%C3%A9 x"))
            .isEqualTo(P + A + "https://example.com/caf%C3%A9\">https://example.com/caf%C3%A9</a> x</p>");
        assertThat(html("[x](javascript:alert(1))")).isEqualTo(P + A + "\">x</a></p>");
    }

    @Test
    void emphasisCodeAndImagesAreNotInterpreted() {
        assertThat(html("*not* **bold** `code` _x_")).isEqualTo(P + "*not* **bold** `code` _x_</p>");
        assertThat(html("a ![alt](http://x.com/i.png) b")).isEqualTo(P + "a  b</p>");
    }

    @Test
    void escapingAndEntities() {
        assertThat(html("<script>x</script> & &amp; &nbsp; &copy; &#65;"))
            .isEqualTo(P + "&lt;script&gt;x&lt;/script&gt; &amp; &amp; &nbsp; © A</p>");
    }

    @Test
    void smartQuotesAndDashesInHtmlButNotInLinks() {
        assertThat(html("\"Hi\" - it's [\"here\"](https://x.com)"))
            .isEqualTo(P + "“Hi” – it’s " + A + "https://x.com\">\"here\"</a></p>");
    }

    @Test
    void govUkIsNotLinked() {
        assertThat(html("Visit GOV.UK today")).isEqualTo(P + "Visit GOV.\u200BUK today</p>");
        assertThat(html("gov.uk/x")).isEqualTo(P + "gov.uk/x</p>");
    }
}
