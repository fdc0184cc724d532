package org.notifyoncamel.letters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a TrueType/OpenType font file without some of its tables (the table directory of the OpenType
 * specification, "Organization of an OpenType font"): the kept tables' bytes and checksums are copied unchanged,
 * each at a new 4-byte aligned offset, and the directory's binary-search fields are recomputed.
 *
 * <p>Used to give the letter renderer fonts without {@code GSUB} (ADR 0113): PDFBox 3.0 applies a font's glyph
 * substitutions by compiling regular expressions for every run of text it shows, which cost about 85 % of a
 * letter's rendering time, while the Liberation fonts' Latin substitutions change no glyph of a letter.
 */
final class FontTables {

    private static final int HEADER = 12;
    private static final int RECORD = 16;

    private FontTables() {
    }

    static byte[] without(byte[] font, Set<String> droppedTags) {
        ByteBuffer in = ByteBuffer.wrap(font);
        if (font.length < HEADER) {
            throw new IllegalArgumentException("not a TrueType font: " + font.length + " bytes");
        }
        int sfntVersion = in.getInt(0);
        int tables = Short.toUnsignedInt(in.getShort(4));
        if (font.length < HEADER + tables * RECORD) {
            throw new IllegalArgumentException("not a TrueType font: its table directory is cut short");
        }
        List<int[]> kept = new ArrayList<>(); // record offset in the input, then table offset and length
        for (int i = 0; i < tables; i++) {
            int record = HEADER + i * RECORD;
            String tag = new String(font, record, 4, StandardCharsets.ISO_8859_1);
            int offset = in.getInt(record + 8);
            int length = in.getInt(record + 12);
            if (offset < 0 || length < 0 || (long) offset + length > font.length) {
                throw new IllegalArgumentException("not a TrueType font: table " + tag + " lies outside the file");
            }
            if (!droppedTags.contains(tag)) {
                kept.add(new int[] {record, offset, length});
            }
        }
        int size = HEADER + kept.size() * RECORD;
        for (int[] table : kept) {
            size += padded(table[2]);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        int power = Integer.highestOneBit(Math.max(1, kept.size()));
        out.putInt(sfntVersion).putShort((short) kept.size()).putShort((short) (power * RECORD))
                .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) (kept.size() * RECORD - power * RECORD));
        int dataOffset = HEADER + kept.size() * RECORD;
        for (int[] table : kept) {
            out.put(font, table[0], 8).putInt(dataOffset).putInt(table[2]);
            dataOffset += padded(table[2]);
        }
        for (int[] table : kept) {
            out.put(font, table[1], table[2]);
            out.position(out.position() + padded(table[2]) - table[2]);
        }
        return out.array();
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }
}
