package org.notifyoncamel.jobs;

import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.notifyoncamel.templates.Whitespace;

/**
 * A job's CSV read one row at a time, as the original's {@code RecipientCSV} reads it (notifications-utils
 * {@code recipients.py}): leading whitespace, invisible characters and commas of the file ignored, {@code ,} and
 * {@code "} (RFC 4180, Apache Commons CSV), spaces after a separator skipped, every cell stripped of invisible
 * characters and outer whitespace, an empty cell read as null; the first row is the header. Trailing rows whose
 * cells are all empty are dropped (the original strips the end of the file); empty lines are skipped.
 * Only the rows between the caller and the parser are in memory, so a 100,000-row file costs no more than a short one.
 */
public final class JobCsv implements Iterator<JobCsv.Row>, Closeable {

    /** Characters the original removes from every cell (and from both ends of the file). */
    static final String OBSCURE = Whitespace.ZERO_WIDTH + Whitespace.NO_BREAK_SPACE;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    /** A data row: {@code index} is 0-based (the header is not counted); {@code cells} cleaned, null when empty. */
    public record Row(int index, List<String> cells) {

        /** The cell under column {@code column}, null when the row is shorter. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : null;
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> headers;
    private final Deque<Row> pending = new ArrayDeque<>();
    private int index;

    private JobCsv(Reader reader) throws IOException {
        this.parser = CSVParser.builder().setReader(skipLeadingFiller(reader)).setFormat(FORMAT).get();
        this.records = parser.iterator();
        List<String> header = new ArrayList<>();
        if (records.hasNext()) {
            for (String cell : records.next()) {
                String cleaned = clean(cell);
                header.add(cleaned == null ? "" : cleaned);
            }
        }
        this.headers = Collections.unmodifiableList(header);
    }

    /** Opens the CSV and reads its header row. The caller closes it (which closes the reader). */
    public static JobCsv open(Reader reader) {
        try {
            return new JobCsv(reader);
        } catch (IOException | UncheckedIOException e) {
            throw new CsvUnreadable(e);
        }
    }

    /** Reads a CSV given as text (bulk requests). */
    public static JobCsv of(String text) {
        return open(new java.io.StringReader(text));
    }

    /** The header row as written (cleaned like a cell; an empty header is {@code ""}). */
    public List<String> headers() {
        return headers;
    }

    @Override
    public boolean hasNext() {
        if (!pending.isEmpty()) {
            return true;
        }
        List<List<String>> blanks = new ArrayList<>();
        try {
            while (records.hasNext()) {
                List<String> cells = cells(records.next());
                if (cells.stream().allMatch(c -> c == null)) {
                    blanks.add(cells);
                    continue;
                }
                // blank rows count only when a real row follows them
                blanks.forEach(b -> pending.add(new Row(index++, b)));
                pending.add(new Row(index++, cells));
                return true;
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new CsvUnreadable(e);
        }
        return false;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        for (String value : record) {
            cells.add(clean(value));
        }
        return cells;
    }

    /** Invisible characters removed everywhere, outer whitespace stripped; empty is null. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (OBSCURE.indexOf(cp) < 0) {
                out.appendCodePoint(cp);
            }
        }
        int start = 0;
        int end = out.length();
        while (start < end && Whitespace.isSpace(out.charAt(start))) {
            start++;
        }
        while (end > start && Whitespace.isSpace(out.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : out.substring(start, end);
    }

    private static Reader skipLeadingFiller(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int c;
        while ((c = pushback.read()) != -1) {
            if (c != ',' && !Whitespace.isSpace(c) && OBSCURE.indexOf(c) < 0) {
                pushback.unread(c);
                break;
            }
        }
        return pushback;
    }

    /** The bytes are not CSV that can be read (e.g. an unterminated quote). */
    public static final class CsvUnreadable extends RuntimeException {
        CsvUnreadable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
