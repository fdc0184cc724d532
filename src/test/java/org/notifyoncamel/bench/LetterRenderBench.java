package org.notifyoncamel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.notifyoncamel.letters.LetterAddresses;
import org.notifyoncamel.letters.LetterPdfRenderer;
import org.notifyoncamel.templates.LetterRenderer;
import org.notifyoncamel.templates.Personalisation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Templated letters rendered per second (the {@code create-letter-pdf} route's work, ADR 0111): a two-page letter
 * (address, contact block, heading, 14 paragraphs, a list) rendered to PDF by {@link LetterPdfRenderer} on
 * {@code threads} threads in this JVM, after a warm-up, with the CPU time per letter. Run alone with
 * {@code BENCH_ONLY=letters make bench} (no application is started for it).
 */
final class LetterRenderBench {

    /** Letters per second, CPU milliseconds per letter, and the letter's page count. */
    record Result(double perSecond, double cpuMillisPerLetter, int pages, int threads, int seconds) {
    }

    private LetterRenderBench() {
    }

    static LetterPdfRenderer.Letter twoPageLetter() {
        StringBuilder body = new StringBuilder("Dear ((name)),\n\n# Your licence\n\n");
        for (int i = 0; i < 14; i++) {
            body.append("Paragraph ").append(i + 1).append(": your licence, reference ((ref)), has been renewed and will be posted ")
                    .append("to you soon. See https://www.gov.uk/licence for what happens next and how to tell us about changes.\n\n");
        }
        body.append("* keep this letter\n* tell us if your address changes\n");
        ObjectNode values = new ObjectMapper().createObjectNode().put("name", "Ada Lovelace").put("ref", "ABC-123")
                .put("address_line_1", "Ada Lovelace").put("address_line_2", "1 Example Street").put("address_line_3", "London")
                .put("postcode", "SW1A 1AA");
        Personalisation personalisation = Personalisation.of(Map.of("name", "Ada Lovelace", "ref", "ABC-123"));
        return new LetterPdfRenderer.Letter(LetterAddresses.printedLines(values),
                LetterRenderer.contactBlockHtml("Licensing Team\nPO Box 1\nNewport\nNP10 8QQ", personalisation),
                LetterRenderer.subject("Your licence, ((name))", personalisation),
                LetterRenderer.messageHtml(body.toString(), personalisation), LocalDate.now(), null);
    }

    static Result measure(int threads, int warmupSeconds, int seconds) throws InterruptedException {
        LetterPdfRenderer renderer = new LetterPdfRenderer();
        LetterPdfRenderer.Letter letter = twoPageLetter();
        int pages = renderer.render(letter).pages();
        run(renderer, letter, threads, warmupSeconds, new AtomicLong(), new AtomicLong());
        AtomicLong rendered = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        run(renderer, letter, threads, seconds, rendered, cpuNanos);
        return new Result(rendered.get() / (double) seconds, rendered.get() == 0 ? 0 : cpuNanos.get() / 1e6 / rendered.get(),
                pages, threads, seconds);
    }

    private static void run(LetterPdfRenderer renderer, LetterPdfRenderer.Letter letter, int threads, int seconds,
                            AtomicLong rendered, AtomicLong cpuNanos) throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long start = cpu.getCurrentThreadCpuTime();
                while (!stop.get()) {
                    renderer.render(letter);
                    rendered.incrementAndGet();
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - start);
            }, "letter-render-" + t);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
