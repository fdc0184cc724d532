package org.notifyoncamel.simulators;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.stereotype.Component;

/**
 * What DVLA answers for a print zip (route {@code dvla-simulator}; notifications-api
 * app/notifications/notifications_letter_callback.py, app/celery/research_mode_tasks.py): one line per PDF,
 * {@code {reference}|Sent|{page count 0}|Sorted}, in a file named {@code NOTIFY-{yyyyMMddHHmmss}-RSP.TXT}.
 */
@Component("dvlaSimulator")
public class DvlaSimulator {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private final AtomicInteger counter = new AtomicInteger();

    /** The response file's content for a zip (references read from the entry names, the second dotted field). */
    public String response(byte[] zip) {
        List<String> lines = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String[] parts = entry.getName().split("\\.");
                if (parts.length > 2) {
                    lines.add(parts[1] + "|Sent|0|Sorted");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join("\n", lines) + "\n";
    }

    /** A response file name unique within this process. */
    public String fileName() {
        return "NOTIFY-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + counter.incrementAndGet() + "-RSP.TXT";
    }
}
