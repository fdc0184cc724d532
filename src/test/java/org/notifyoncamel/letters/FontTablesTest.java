package org.notifyoncamel.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.templates.LetterRenderer;
import org.notifyoncamel.templates.Personalisation;

/** Fonts rewritten without some tables: every other table kept byte for byte, and letters rendered the same (ADR 0113). */
class FontTablesTest {

    private static byte[] liberation(String style) throws IOException {
        try (InputStream in = FontTablesTest.class.getClassLoader().getResourceAsStream("liberation/LiberationSans-" + style + ".ttf")) {
            return in.readAllBytes();
        }
    }

    private static TrueTypeFont parse(byte[] font) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(font));
    }

    @Test
    void theSubstitutionTableIsDroppedAndEveryOtherTableKeptByteForByte() throws IOException {
        for (String style : List.of("Regular", "Bold")) {
            byte[] original = liberation(style);
            byte[] rewritten = FontTables.without(original, Set.of("GSUB"));
            try (TrueTypeFont before = parse(original); TrueTypeFont after = parse(rewritten)) {
                assertThat(before.getTableMap()).containsKey("GSUB");
                assertThat(before.getGsubData()).isNotSameAs(GsubData.NO_DATA_FOUND);
                Set<String> expected = new HashSet<>(before.getTableMap().keySet());
                expected.remove("GSUB");
                assertThat(after.getTableMap().keySet()).isEqualTo(expected);
                assertThat(after.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
                for (String tag : expected) {
                    TTFTable kept = after.getTableMap().get(tag);
                    assertThat(after.getTableBytes(kept)).as(tag).isEqualTo(before.getTableBytes(before.getTableMap().get(tag)));
                    assertThat(kept.getOffset() % 4).as(tag + " offset").isZero();
                }
                assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
                int a = before.nameToGID("A");
                assertThat(after.getAdvanceWidth(a)).isEqualTo(before.getAdvanceWidth(a)).isPositive();
            }
        }
    }

    @Test
    void droppingNothingKeepsEveryTableAndTheDirectorySearchFieldsAreRecomputed() throws IOException {
        byte[] original = liberation("Regular");
        byte[] rewritten = FontTables.without(original, Set.of());
        try (TrueTypeFont before = parse(original); TrueTypeFont after = parse(rewritten)) {
            assertThat(after.getTableMap().keySet()).isEqualTo(before.getTableMap().keySet());
        }
        int tables = ((rewritten[4] & 0xff) << 8) | (rewritten[5] & 0xff);
        int searchRange = ((rewritten[6] & 0xff) << 8) | (rewritten[7] & 0xff);
        assertThat(searchRange).isEqualTo(Integer.highestOneBit(tables) * 16);
        byte[] dropped = FontTables.without(original, Set.of("GSUB", "GPOS", "GDEF"));
        assertThat(((dropped[4] & 0xff) << 8) | (dropped[5] & 0xff)).isEqualTo(tables - 3);
    }

    @Test
    void aFileThatIsNotAFontIsRefused() {
        assertThatThrownBy(() -> FontTables.without(new byte[5], Set.of("GSUB"))).isInstanceOf(IllegalArgumentException.class);
        byte[] cut = new byte[20];
        cut[5] = 9; // nine tables announced, none there
        assertThatThrownBy(() -> FontTables.without(cut, Set.of("GSUB"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLetterRendersToTheSamePageContentWithAndWithoutTheSubstitutionTable() throws IOException {
        String body = "Dear Ada,\n\n# The office file\n\nThe official affidavit of fifty-five firms, filled in efficiently, "
                + "flows to the office. Fjord, waffle, shuffle, fluffy, ff fi fl ffi ffl. Accents: café, naïve, Łódź, ½ ⅓.\n\n"
                + "* the first point\n* the final point\n";
        LetterPdfRenderer.Letter letter = new LetterPdfRenderer.Letter(List.of("Ada Lovelace", "1 Office Street", "SW1A 1AA"),
                LetterRenderer.contactBlockHtml("Affidavits Office\nPO Box 1", Personalisation.empty()),
                LetterRenderer.subject("Your affidavit", Personalisation.empty()),
                LetterRenderer.messageHtml(body, Personalisation.empty()), LocalDate.of(2021, 2, 9), null);
        List<byte[]> with = pageContents(new LetterPdfRenderer(Set.of()).render(letter).bytes());
        List<byte[]> without = pageContents(new LetterPdfRenderer().render(letter).bytes());
        assertThat(without).hasSameSizeAs(with);
        for (int page = 0; page < with.size(); page++) {
            assertThat(without.get(page)).as("page " + (page + 1)).isEqualTo(with.get(page));
        }
    }

    private static List<byte[]> pageContents(byte[] pdf) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                try (InputStream in = page.getContents()) {
                    contents.add(in.readAllBytes());
                }
            }
        }
        return contents;
    }
}
