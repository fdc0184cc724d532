package org.notifyoncamel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.notifyoncamel.precompiled.CraftedLetters;
import org.notifyoncamel.precompiled.PrecompiledLetterValidator;
import org.notifyoncamel.precompiled.ValidationResult;

/**
 * The precompiled-letter row of {@code make bench}: two-page letters validated and rewritten per second in this JVM
 * (the validator is CPU-bound and needs no server), with the CPU time each letter costs. Runs on as many threads as
 * the machine has cores, after a warm-up; every letter must pass, or the row says so.
 * {@code BENCH_ONLY=letters} runs only this row.
 */
final class PrecompiledLetterBench {

    record Result(double perSecond, double cpuMsPerLetter, int letters, int failed, int threads) {
    }

    private PrecompiledLetterBench() {
    }

    static Result run(float dpi, int warmupSeconds, int durationSeconds) throws Exception {
        byte[] letter = CraftedLetters.letter(2).pdf();
        PrecompiledLetterValidator validator = new PrecompiledLetterValidator(dpi);
        int threads = Runtime.getRuntime().availableProcessors();
        loop(validator, letter, threads, warmupSeconds);
        return loop(validator, letter, threads, durationSeconds);
    }

    private static Result loop(PrecompiledLetterValidator validator, byte[] letter, int threads, int seconds) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong cpuNanos = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long cpuStart = mx.getCurrentThreadCpuTime();
                    while (System.nanoTime() < end) {
                        if (validator.validate(letter, false) instanceof ValidationResult.Passed) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                    cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int letters = done.get() + failed.get();
        return new Result(done.get() / elapsed, letters == 0 ? 0 : cpuNanos.get() / 1e6 / letters, letters, failed.get(), threads);
    }

    /** Prints the row alone: {@code mvn -Pbench test-compile exec:java -Dexec.mainClass=...PrecompiledLetterBench}. */
    public static void main(String[] args) throws Exception {
        float dpi = Float.parseFloat(Bench.property("bench.letters.dpi", "100"));
        Result r = run(dpi, Integer.parseInt(Bench.property("bench.letters.warmup-seconds", "10")),
            Integer.parseInt(Bench.property("bench.letters.duration-seconds", "20")));
        System.out.println(String.format(Locale.ROOT, "%.0f dpi: %.1f letters/s, %.1f CPU ms per letter, %d letters, %d failed, %d threads",
            dpi, r.perSecond(), r.cpuMsPerLetter(), r.letters(), r.failed(), r.threads()));
        System.exit(0);
    }
}
