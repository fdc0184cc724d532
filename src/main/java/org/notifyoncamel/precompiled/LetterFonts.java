package org.notifyoncamel.precompiled;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Liberation Sans, the metric clone of Arial that {@code com.github.librepdf:openpdf-fonts-extra} ships, embedded
 * (subset) wherever a letter gets text of ours: the re-typed address and the NOTIFY tag. The file is read once;
 * each document parses its own copy because PDFBox's font objects are not shared between documents.
 */
final class LetterFonts {

    static final String LIBERATION_SANS = "/liberation/LiberationSans-Regular.ttf";

    private static final byte[] SANS = read(LIBERATION_SANS);

    private LetterFonts() {
    }

    static PDType0Font sans(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(SANS), true);
    }

    private static byte[] read(String resource) {
        try (InputStream in = LetterFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
