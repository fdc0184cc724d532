package org.notifyoncamel.letters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.notifyoncamel.templates.HtmlEscaping;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders a templated letter to a print-ready A4 PDF in process (notifications-utils
 * notifications_utils/jinja_templates/letter_pdf/): openhtmltopdf on PDFBox with
 * Notify's print CSS, the address block in the envelope window, the contact block top right, the logo box,
 * "Page X of Y" and the white NOTIFY start-of-letter tag. Liberation Sans (a metric clone of Helvetica, hence of
 * Nimbus Sans L and Arial) is embedded from the {@code openpdf-fonts-extra} jar, so rendering and tests use the
 * same metrics everywhere, without its glyph substitution table (ADR 0113). Thread-safe: each call builds its own renderer.
 */
@org.springframework.stereotype.Component
public class LetterPdfRenderer {

    /** What goes on the page; every text is already HTML (escaped values). */
    public record Letter(List<String> addressLines, String contactBlockHtml, String subjectHtml, String messageHtml,
                         LocalDate date, String logoUrl) {
    }

    /** The PDF and its page count. */
    public record Pdf(byte[] bytes, int pages) {
    }

    static final String FONT = "Nimbus Sans L";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final String CSS = """
            @page { size: A4 portrait; margin: 15mm 10mm 15mm 15mm;
              @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: 'Nimbus Sans L';
                font-size: 10pt; text-align: right; vertical-align: top; } }
            @page :first { margin-top: 10mm;
              @top-left-corner { content: 'NOTIFY'; color: white; font-family: 'arial'; font-size: 6pt; } }
            body { font-family: 'Nimbus Sans L'; font-size: 12.5pt; line-height: 16.0pt; letter-spacing: 0.01em;
              word-spacing: -0.04em; margin: 0; padding: 94mm 50mm 0 0; }
            #logo { height: 18mm; width: 70mm; position: absolute; top: 0; left: 0; }
            #logo img { display: block; width: auto; height: 100%; max-width: 100%; }
            #to { position: absolute; width: 85mm; max-height: 26.7mm; left: 9.6mm; top: 29.5mm; height: 26.7mm;
              font-size: 8pt; line-height: 8.5pt; text-transform: uppercase; overflow: hidden; }
            #to-lines { position: absolute; bottom: 0; left: 0; width: 85mm; }
            #to ul { margin: 0; padding: 0; }
            #to li { display: block; max-width: 100%; overflow: hidden; white-space: nowrap; }
            #from { position: absolute; top: 0; right: 0mm; width: 71.2mm; height: 72.2mm; font-size: 10pt; line-height: 12pt; }
            #from-text { position: absolute; bottom: 0; right: 0; width: 71.2mm; max-height: 132pt; overflow: hidden; }
            #content { width: 137.5mm; }
            h1 { font-size: 20pt; line-height: 23.4pt; font-weight: bold; margin: 18.16pt 0 7.68pt 0; }
            h2 { font-size: 14pt; line-height: 17.4pt; font-weight: bold; margin: 0 0 16.0pt 0; }
            h1 + h2 { margin-top: 8.35pt; }
            p { font-size: 12.5pt; line-height: 16.0pt; margin: 0 0 16.0pt 0; orphans: 4; }
            #content ul, #content ol { font-size: 12.5pt; line-height: 16.0pt; margin: 0 0 16.0pt 0; padding: 0 0 0 0.8em; }
            #content ol { padding-left: 1.4em; }
            #content li { margin: 0; padding: 0; }
            ol ul, ul ul { margin: 16.0pt 0 0 0; padding-left: 0; list-style-type: disc; }
            #content *:last-child { margin-bottom: 0; }
            .page-break { page-break-after: always; height: 0; }
            """;

    /** Glyph substitution tables the renderer would apply at great cost and to no effect on a letter (ADR 0113). */
    static final Set<String> WITHOUT_SUBSTITUTIONS = Set.of("GSUB");

    private final byte[] regular;
    private final byte[] bold;
    /** Font metrics shared by every render (a concurrent map), so layout does not re-read them per letter. */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSDefaultCacheStore();

    public LetterPdfRenderer() {
        this(WITHOUT_SUBSTITUTIONS);
    }

    /** With the fonts' tables {@code dropped}: tests compare the letters rendered with and without them. */
    LetterPdfRenderer(Set<String> dropped) {
        this.regular = FontTables.without(font("liberation/LiberationSans-Regular.ttf"), dropped);
        this.bold = FontTables.without(font("liberation/LiberationSans-Bold.ttf"), dropped);
    }

    public Pdf render(Letter letter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
        for (String family : List.of(FONT, "arial")) {
            builder.useFont(() -> new ByteArrayInputStream(regular), family, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), family, 700, FontStyle.NORMAL, true);
        }
        builder.withHtmlContent(html(letter), null);
        builder.toStream(out);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            int pages = renderer.getPdfDocument().getNumberOfPages();
            renderer.getPdfDocument().save(out);
            return new Pdf(out.toByteArray(), pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The print HTML of notifications-utils notifications_utils/jinja_templates/letter_pdf/ as XHTML (the parser is an
     * XML one: void elements closed, named entities
     * written as numbers). The address and contact blocks sit in boxes whose bottom edges are those of the
     * original's {@code bottom:}-positioned blocks, so they grow upwards as there.
     */
    static String html(Letter letter) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<html><head><meta charset=\"utf-8\"/><style>").append(CSS).append("</style></head><body>");
        html.append("<div id=\"logo\">");
        if (letter.logoUrl() != null) {
            html.append("<img src=\"").append(HtmlEscaping.escape(letter.logoUrl())).append("\"/>");
        }
        html.append("</div><div id=\"to\"><div id=\"to-lines\"><ul>");
        for (String line : letter.addressLines()) {
            html.append("<li>").append(HtmlEscaping.escape(line)).append("</li>");
        }
        html.append("</ul></div></div>");
        html.append("<div id=\"from\"><div id=\"from-text\">").append(letter.contactBlockHtml()).append("</div></div>");
        html.append("<div id=\"content\"><p>").append(DATE.format(letter.date())).append("</p><h1>")
                .append(letter.subjectHtml()).append("</h1>").append(letter.messageHtml()).append("</div>");
        html.append("</body></html>");
        return xhtml(html.toString());
    }

    static String xhtml(String html) {
        return html.replace("<br>", "<br/>").replace("&nbsp;", "&#160;").replace("&lpar;", "&#40;").replace("&rpar;", "&#41;");
    }

    private static byte[] font(String path) {
        try (InputStream in = LetterPdfRenderer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font " + path + " missing: is com.github.librepdf:openpdf-fonts-extra on the classpath?");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
