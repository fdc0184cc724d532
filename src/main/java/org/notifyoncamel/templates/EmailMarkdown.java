package org.notifyoncamel.templates;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
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
 * Notify's email markdown (notifications-utils notifications_utils/formatters.py) on top of commonmark: the input is
 * already HTML-escaped; the output is the inline-styled HTML of the original. Emphasis, strong,
 * inline code are left literal; images are dropped; {@code ^} marks inset text; {@code •} is a
 * bullet; bare http(s) URLs become links.
 */
public final class EmailMarkdown {

    static final String PARAGRAPH_OPEN = "<p style=\"Margin: 0 0 20px 0; font-size: 19px; line-height: 25px; color: #0B0C0C;\">";
    static final String HEADING_OPEN = "<h2 style=\"Margin: 0 0 20px 0; padding: 0; font-size: 27px; line-height: 35px; font-weight: bold; color: #0B0C0C;\">";
    static final String INSET_OPEN = "<blockquote style=\"Margin: 0 0 20px 0; border-left: 10px solid #B1B4B6;padding: 15px 0 0.1px 15px; font-size: 19px; line-height: 25px;\">";
    static final String HR = "<hr style=\"border: 0; height: 1px; background: #B1B4B6; Margin: 30px 0 30px 0;\">";
    static final String LIST_OPEN = "<table role=\"presentation\" style=\"padding: 0 0 20px 0;\"><tr><td style=\"font-family: Helvetica, Arial, sans-serif;\">";
    static final String LIST_CLOSE = "</td></tr></table>";
    static final String UL_OPEN = "<ul style=\"Margin: 0 0 0 20px; padding: 0; list-style-type: disc;\">";
    static final String OL_OPEN = "<ol style=\"Margin: 0 0 0 20px; padding: 0; list-style-type: decimal;\">";
    static final String LI_OPEN = "<li style=\"Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;line-height: 25px; color: #0B0C0C;\">";
    static final String LINK_STYLE = "word-wrap: break-word; color: #1D70B8;";
    static final String BR = "<br />";

    /** Stands in for {@code &} while commonmark parses, so that entities are neither decoded nor re-encoded. */
    private static final char AMP = '\uE000';

    private static final Pattern BULLET = Pattern.compile("^( *)\u2022[ \\t]?", Pattern.MULTILINE);
    private static final Pattern HEADING_WITHOUT_SPACE = Pattern.compile("^( *#{1,6})(?=[^#\\s])", Pattern.MULTILINE);
    private static final Pattern INSET = Pattern.compile("^ *\\^ ?(?=\\S)");
    private static final Pattern HEADING_OR_RULE = Pattern.compile("^ {0,3}(#|([-*_])( *\\2){2,} *$)");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<]+[^<.,:\"')\\]\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern BLOCKED_SCHEME = Pattern.compile("^(javascript|vbscript|data):");

    private static final Parser PARSER = Parser.builder().build();

    private EmailMarkdown() {
    }

    /** Renders already-escaped markdown to Notify email HTML (before typography). */
    public static String toHtml(String escapedMarkdown) {
        Node document = PARSER.parse(prepare(escapedMarkdown));
        StringBuilder out = new StringBuilder();
        renderChildren(document, out, false);
        return out.toString().replace(AMP, '&');
    }

    static String prepare(String text) {
        String t = text.replace('&', AMP);
        t = BULLET.matcher(t).replaceAll("$1* ");
        t = HEADING_WITHOUT_SPACE.matcher(t).replaceAll("$1 ");
        return insetsToQuotes(t);
    }

    /** {@code ^} lines start inset text where a new block may start (not inside a paragraph). */
    private static String insetsToQuotes(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        StringBuilder out = new StringBuilder(text.length());
        boolean previousBlank = true;
        boolean previousInset = false;
        boolean previousHeadingOrRule = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher inset = INSET.matcher(line);
            boolean convert = inset.lookingAt() && (previousBlank || previousInset || previousHeadingOrRule);
            if (convert) {
                line = "> " + line.substring(inset.end());
            }
            boolean blank = line.isBlank();
            previousInset = convert || (previousInset && !blank);
            previousBlank = blank;
            previousHeadingOrRule = HEADING_OR_RULE.matcher(line).find();
            out.append(line);
            if (i < lines.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void renderChildren(Node parent, StringBuilder out, boolean tight) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            render(node, out, tight);
        }
    }

    private static void render(Node node, StringBuilder out, boolean tight) {
        if (node instanceof Paragraph) {
            String inline = inline(node);
            if (tight) {
                out.append(inline);
            } else {
                paragraph(inline, out);
            }
        } else if (node instanceof Heading heading) {
            String inline = inline(node);
            if (heading.getLevel() == 1) {
                out.append(HEADING_OPEN).append(inline).append("</h2>");
            } else {
                paragraph(inline, out);
            }
        } else if (node instanceof BlockQuote) {
            out.append(INSET_OPEN);
            renderChildren(node, out, false);
            out.append("</blockquote>");
        } else if (node instanceof ThematicBreak) {
            out.append(HR);
        } else if (node instanceof ListBlock list) {
            out.append(LIST_OPEN).append(list instanceof OrderedList ? OL_OPEN : UL_OPEN);
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                StringBuilder content = new StringBuilder();
                renderChildren(item, content, list.isTight());
                out.append(LI_OPEN).append(content.toString().strip()).append("</li>");
            }
            out.append(list instanceof OrderedList ? "</ol>" : "</ul>").append(LIST_CLOSE);
        } else if (node instanceof FencedCodeBlock code) {
            out.append(code.getLiteral());
        } else if (node instanceof IndentedCodeBlock code) {
            out.append(code.getLiteral());
        } else if (node instanceof HtmlBlock html) {
            out.append(html.getLiteral());
        } else if (node instanceof ListItem || node instanceof Document) {
            renderChildren(node, out, tight);
        }
        // link reference definitions, custom blocks: nothing
    }

    private static void paragraph(String inline, StringBuilder out) {
        if (!inline.isBlank()) {
            out.append(PARAGRAPH_OPEN).append(inline).append("</p>");
        }
    }

    private static String inline(Node parent) {
        StringBuilder out = new StringBuilder();
        inlineChildren(parent, out, false);
        return out.toString();
    }

    private static void inlineChildren(Node parent, StringBuilder out, boolean inLink) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                out.append(inLink ? text.getLiteral() : autolink(text.getLiteral()));
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                out.append(BR);
            } else if (node instanceof Emphasis emphasis) {
                out.append(emphasis.getOpeningDelimiter());
                inlineChildren(node, out, inLink);
                out.append(emphasis.getClosingDelimiter());
            } else if (node instanceof StrongEmphasis strong) {
                out.append(strong.getOpeningDelimiter());
                inlineChildren(node, out, inLink);
                out.append(strong.getClosingDelimiter());
            } else if (node instanceof Code code) {
                out.append('`').append(code.getLiteral()).append('`');
            } else if (node instanceof Link link) {
                out.append("<a style=\"").append(LINK_STYLE).append("\" href=\"").append(href(link.getDestination()))
                    .append('"');
                if (link.getTitle() != null && !link.getTitle().isEmpty()) {
                    out.append(" title=\"").append(attribute(link.getTitle())).append('"');
                }
                out.append('>');
                inlineChildren(node, out, true);
                out.append("</a>");
            } else if (node instanceof HtmlInline html) {
                out.append(html.getLiteral());
            }
            // images and anything else: removed
        }
    }

    private static String href(String destination) {
        String plain = destination.replace(AMP, '&');
        String check = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/:]+", "");
        if (BLOCKED_SCHEME.matcher(check).find()) {
            return "";
        }
        return attribute(destination);
    }

    private static String attribute(String value) {
        return value.replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** Bare http(s) URLs become links; the href is percent-decoded then re-quoted. */
    static String autolink(String text) {
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String url = m.group();
            String anchor = "<a style=\"" + LINK_STYLE + "\" href=\"" + requote(url.replace(AMP, '&')).replace('&', AMP)
                + "\">" + url + "</a>";
            m.appendReplacement(out, Matcher.quoteReplacement(anchor));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Python {@code quote(unquote(url), safe=':/?#=&;')}. */
    static String requote(String url) {
        String decoded;
        try {
            decoded = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = url;
        }
        StringBuilder out = new StringBuilder(decoded.length() + 16);
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~:/?#=&;".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
