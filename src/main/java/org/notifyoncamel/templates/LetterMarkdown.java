package org.notifyoncamel.templates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Notify's letter markdown (notifications-utils notifications_utils/formatters.py) on commonmark: {@code #} headings
 * become {@code h2}, other headings
 * paragraphs; single newlines {@code <br>}; bullets and numbers plain lists; a rule is a page break; links print
 * as {@code text: <strong>host/path</strong>} and bare URLs in bold without their scheme; emphasis stays literal;
 * images vanish. The input is already HTML-escaped.
 */
public final class LetterMarkdown {

    /**
     * ASCII class: the U+2011 rewrite is applied to text only, so the CSS names it plainly (notifications-utils
     * formatters.py).
     */
    public static final String PAGE_BREAK = "<div class=\"page-break\">&nbsp;</div>";

    private static final char AMP = '\uE000';
    private static final Pattern URL = Pattern.compile("https?://[^\\s<]+[^<.,:\"')\\]\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SCHEME = Pattern.compile("^https?://", Pattern.CASE_INSENSITIVE);
    private static final Parser PARSER = Parser.builder().build();

    private LetterMarkdown() {
    }

    public static String toHtml(String escapedMarkdown) {
        // prepare() stands AMP in for '&' while commonmark parses, so entities are neither decoded nor re-encoded
        Node document = PARSER.parse(EmailMarkdown.prepare(escapedMarkdown));
        StringBuilder out = new StringBuilder();
        children(document, out, false);
        return out.toString().replace(AMP, '&');
    }

    private static void children(Node parent, StringBuilder out, boolean tight) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            block(node, out, tight);
        }
    }

    private static void block(Node node, StringBuilder out, boolean tight) {
        if (node instanceof Paragraph) {
            String inline = inline(node);
            if (tight) {
                out.append(inline);
            } else if (!inline.isBlank()) {
                out.append("<p>").append(inline).append("</p>");
            }
        } else if (node instanceof Heading heading) {
            String inline = inline(node);
            if (heading.getLevel() == 1) {
                out.append("<h2>").append(inline).append("</h2>");
            } else if (!inline.isBlank()) {
                out.append("<p>").append(inline).append("</p>");
            }
        } else if (node instanceof BlockQuote) {
            children(node, out, false);
        } else if (node instanceof ThematicBreak) {
            out.append(PAGE_BREAK);
        } else if (node instanceof ListBlock list) {
            String tag = list instanceof OrderedList ? "ol" : "ul";
            out.append('<').append(tag).append('>');
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                StringBuilder content = new StringBuilder();
                children(item, content, true);
                out.append("<li>").append(content.toString().strip()).append("</li>");
            }
            out.append("</").append(tag).append('>');
        } else if (node instanceof FencedCodeBlock code) {
            out.append(code.getLiteral());
        } else if (node instanceof IndentedCodeBlock code) {
            out.append(code.getLiteral());
        } else if (node instanceof HtmlBlock html) {
            out.append(html.getLiteral());
        } else if (node instanceof ListItem || node instanceof Document) {
            children(node, out, tight);
        }
    }

    private static String inline(Node parent) {
        StringBuilder out = new StringBuilder();
        inlineChildren(parent, out);
        return out.toString();
    }

    private static void inlineChildren(Node parent, StringBuilder out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                out.append(boldUrls(text.getLiteral()));
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                out.append("<br>");
            } else if (node instanceof Emphasis emphasis) {
                out.append(emphasis.getOpeningDelimiter());
                inlineChildren(node, out);
                out.append(emphasis.getClosingDelimiter());
            } else if (node instanceof StrongEmphasis strong) {
                out.append(strong.getOpeningDelimiter());
                inlineChildren(node, out);
                out.append(strong.getClosingDelimiter());
            } else if (node instanceof Code code) {
                out.append('`').append(code.getLiteral()).append('`');
            } else if (node instanceof Link link) {
                StringBuilder label = new StringBuilder();
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Text t) {
                        label.append(t.getLiteral());
                    }
                }
                out.append(label).append(": <strong>").append(SCHEME.matcher(link.getDestination()).replaceFirst(""))
                        .append("</strong>");
            } else if (node instanceof HtmlInline html) {
                out.append(html.getLiteral());
            }
        }
    }

    private static String boldUrls(String text) {
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<strong>" + SCHEME.matcher(m.group()).replaceFirst("") + "</strong>"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
