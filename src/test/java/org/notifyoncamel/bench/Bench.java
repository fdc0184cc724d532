package org.notifyoncamel.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The load generator of {@code make bench} (src/test/bench/bench.sh starts the application, runs pgbench and
 * then this): sets up services through the internal API, loads POST /v2/notifications/sms over real HTTP with
 * a fresh JWT per request, measures latency at half the measured rate, the delivery pipeline, SQS calls per
 * notification, broadcast acknowledgement times and the process's peak RSS, and writes one Markdown table.
 * Settings are system properties {@code bench.*} (see {@link #property}).
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BROADCAST_WARMUP = 3;

    private final String baseUrl = property("bench.url", "http://127.0.0.1:6211");
    private final String dbUrl = property("bench.db", "jdbc:postgresql://127.0.0.1:5432/bench_notification_api");
    private final String adminSecret = property("bench.admin-secret", "dev-notify-secret-key");
    private final int connections = Integer.parseInt(property("bench.connections", "64"));
    private final int warmupSeconds = Integer.parseInt(property("bench.warmup-seconds", "45"));
    private final int durationSeconds = Integer.parseInt(property("bench.duration-seconds", "60"));
    private final int latencySeconds = Integer.parseInt(property("bench.latency-seconds", "20"));
    private final int pipelineCount = Integer.parseInt(property("bench.pipeline-count", "20000"));
    private final int broadcasts = Integer.parseInt(property("bench.broadcasts", "40"));
    private final double pgbenchTps = Double.parseDouble(property("bench.pgbench-tps", "0"));
    private final String startupSeconds = property("bench.startup-seconds", "");
    private final String pid = property("bench.pid", "");
    private final Path out = Path.of(property("bench.out", "target/bench/table.md"));
    /**
     * "api": only the two API rows (for profiling the API on its own, e.g. with NOTIFY_APP_NAME=api); "letters": only
     * the precompiled-letter row (in this JVM, {@link PrecompiledLetterBench}); "jobs": only the bulk job row.
     */
    private final String only = property("bench.only", "");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Algorithm adminKey;

    private Bench() {
        adminKey = Algorithm.HMAC256(adminSecret);
    }

    public static void main(String[] args) throws Exception {
        new Bench().run();
        System.exit(0);
    }

    static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    // ---------------------------------------------------------------- the run

    private void run() throws Exception {
        if ("letters".equals(only)) {
            writeTable(new ArrayList<>(List.of(letterRow(), precompiledLetterRow())));
            return;
        }
        if ("jobs".equals(only)) {
            writeTable(new ArrayList<>(List.of(jobRow(createSendingService("Bench jobs")))));
            return;
        }
        Fixture sender = createSendingService("Bench sender");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("pgbench: single-row INSERT commits/s into a notifications copy (6 indexes), 32 clients, 15 s",
                "(reference)", fmt(pgbenchTps) + "/s", "1.00", ""));

        boolean pipeline = pipelineMerged();
        log("delivery pipeline present: " + pipeline);

        log("warm-up: " + warmupSeconds + " s at " + connections + " connections");
        Load warm = closedLoop(warmupSeconds, i -> sms(sender));
        log("warm-up: " + warm.summary());

        Map<String, Double> sqsBefore = sqsCalls();
        Load load = closedLoop(durationSeconds, i -> sms(sender));
        Map<String, Double> sqsAfter = sqsCalls();
        double rate = load.ok / (double) durationSeconds;
        log("throughput: " + load.summary());
        rows.add(new Row("POST /v2/notifications/sms accepted/s, " + connections + " connections, " + durationSeconds
                + " s (after " + warmupSeconds + " s warm-up)", ">= 0.4 x pgbench", fmt(rate) + "/s"
                + (load.failed > 0 ? " (" + load.failed + " non-201)" : ""), ratio(rate), met(rate >= 0.4 * pgbenchTps)));

        double half = Math.max(1, rate / 2);
        if (pipeline && !"api".equals(only)) {
            // the pipeline delivers what the throughput run accepted: without this wait the latency run measures
            // requests queueing behind that backlog's delivery, not the API at half its rate
            drain(sender);
        }
        Load open = openLoop(half, latencySeconds, i -> sms(sender));
        log("latency: " + open.summary());
        long[] l = open.sortedLatencies();
        double p99 = percentile(l, 99);
        rows.add(new Row("latency p50/p95/p99 at half that rate (" + fmt(half) + "/s offered, " + latencySeconds + " s, open loop)",
                "p99 <= 50 ms", String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", percentile(l, 50), percentile(l, 95), p99)
                        + (open.failed > 0 ? " (" + open.failed + " non-201)" : ""), ratio(open.ok / (double) latencySeconds),
                met(p99 <= 50)));

        double calls = total(sqsAfter) - total(sqsBefore);
        String perOperation = perOperation(sqsBefore, sqsAfter);
        if ("api".equals(only)) {
            log("SQS calls per accepted notification (API only): " + String.format(Locale.ROOT, "%.2f", load.ok == 0 ? 0 : calls / load.ok)
                    + " (" + perOperation + ")");
            writeTable(rows);
            return;
        }
        if (pipeline) {
            // the notifications of the API runs above are delivered by the same pipeline: measure it on its own
            drain(sender);
            Fixture mixed = createSendingService("Bench pipeline");
            Map<String, Double> before = sqsCalls();
            PipelineResult result = pipelineRun(mixed);
            Map<String, Double> after = sqsCalls();
            rows.add(new Row(pipelineCount + " mixed SMS/email accepted -> all delivered: sustained rate", ">= 800/s",
                    fmt(result.rate) + "/s (" + result.delivered + " delivered)", ratio(result.rate), met(result.rate >= 800)));
            rows.add(new Row("  share sent to a provider within 10 s of acceptance", ">= 99 %",
                    String.format(Locale.ROOT, "%.1f %%", result.within10s * 100), "", met(result.within10s >= 0.99)));
            double perNotification = (total(after) - total(before)) / pipelineCount;
            rows.add(new Row("SQS API calls per notification, whole pipeline (" + perOperation(before, after) + ")", "<= 1.0",
                    String.format(Locale.ROOT, "%.2f", perNotification), "", met(perNotification <= 1.0)));
        } else {
            rows.add(new Row(pipelineCount + " mixed SMS/email accepted -> all delivered: sustained rate", ">= 800/s",
                    "n/a (pipeline not merged)", "", ""));
            rows.add(new Row("  share sent to a provider within 10 s of acceptance", ">= 99 %", "n/a (pipeline not merged)", "", ""));
            double perNotification = load.ok == 0 ? 0 : calls / load.ok;
            rows.add(new Row("SQS API calls per notification (API part only, pipeline not merged; " + perOperation + ")", "<= 1.0",
                    String.format(Locale.ROOT, "%.2f", perNotification), "", met(perNotification <= 1.0)));
        }

        BroadcastFixture cast = createBroadcastService();
        // the broadcast routes ran nowhere before this point: the first approvals of a process pay for loading and
        // compiling them, as the API's first requests do before its warm-up ends
        long[] castWarm = broadcastRun(cast, BROADCAST_WARMUP);
        log("broadcast warm-up: first " + castWarm.length + " approvals, slowest " + castWarm[castWarm.length - 1] / 1_000_000 + " ms");
        long[] healthy = broadcastRun(cast, broadcasts);
        setPrimaries(true);
        long[] failover;
        try {
            failover = broadcastRun(cast, broadcasts);
        } finally {
            setPrimaries(false);
        }
        rows.add(new Row("broadcast approval -> all 4 networks acknowledged, p50/p99, healthy (" + broadcasts + " broadcasts)",
                "p99 <= 0.5 s", ms(healthy) + " (after " + BROADCAST_WARMUP + " warm-up approvals, slowest " + castWarm[castWarm.length - 1] / 1_000_000
                        + " ms)", "", met(healthy.length > 0 && percentile(healthy, 99) <= 500)));
        rows.add(new Row("  the same with every primary CBC proxy down", "p99 <= 1 s", ms(failover), "",
                met(failover.length > 0 && percentile(failover, 99) <= 1000)));

        rows.add(letterRow());
        rows.add(precompiledLetterRow());
        rows.add(jobRow(createSendingService("Bench jobs")));

        String[] rss = rss();
        rows.add(new Row("peak RSS of the all-in-one process (VmHWM, whole run)", "<= 1 GiB", rss[0], "",
                rss[1].isEmpty() ? "" : met(Long.parseLong(rss[1]) <= 1024L * 1024)));
        rows.add(new Row("start-up to ready (process start -> /actuator/health/readiness UP)", "<= 15 s",
                startupSeconds.isEmpty() ? "n/a" : startupSeconds + " s",
                "", startupSeconds.isEmpty() ? "" : met(Double.parseDouble(startupSeconds) <= 15)));

        writeTable(rows);
    }

    /**
     * A {@code bench.job-rows}-row SMS job from POST /v2/notifications/bulk (CSV text) until every row is saved and
     * queued (the job {@code finished}): rows per second, the application's CPU per row and its RSS growth (peak
     * VmRSS sampled every 50 ms minus VmRSS before). The delivery workers of the same process send the rows meanwhile.
     */
    private Row jobRow(Fixture f) throws Exception {
        int jobRows = Integer.parseInt(property("bench.job-rows", "50000"));
        StringBuilder csv = new StringBuilder("phone number,name,reference\n");
        for (int i = 0; i < jobRows; i++) {
            csv.append("07700900").append(300 + i % 700).append(",Bench ").append(i).append(',').append(UUID.randomUUID()).append('\n');
        }
        String body = JSON.writeValueAsString(Map.of("name", "bench job", "template_id", f.smsTemplate, "csv", csv.toString()));
        long rssBefore = procStatus("VmRSS:");
        long cpuBefore = cpuTicks();
        AtomicLong peak = new AtomicLong(rssBefore);
        java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(procStatus("VmRSS:"), Math::max), 0, 50, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(post("/v2/notifications/bulk", f, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            sampler.shutdownNow();
            throw new IllegalStateException("bulk request answered " + response.statusCode() + ": " + response.body());
        }
        UUID job = UUID.fromString(JSON.readTree(response.body()).path("data").path("id").asText());
        double accepted = (System.nanoTime() - start) / 1e9;
        String status = "";
        try (Connection db = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement query = db.prepareStatement("SELECT job_status FROM jobs WHERE id = ?")) {
            query.setObject(1, job);
            long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet r = query.executeQuery()) {
                    r.next();
                    status = r.getString(1);
                }
                if (!"pending".equals(status) && !"in progress".equals(status)) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuMs = (cpuTicks() - cpuBefore) * 10;
        sampler.shutdownNow();
        long saved;
        try (Connection db = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM notifications WHERE job_id = ?")) {
            query.setObject(1, job);
            try (ResultSet r = query.executeQuery()) {
                r.next();
                saved = r.getLong(1);
            }
        }
        double rate = saved / seconds;
        double growthMib = (peak.get() - rssBefore) / 1024.0;
        log(String.format(Locale.ROOT, "job: %d rows %s in %.1f s (request answered after %.1f s): %.0f rows/s, %.3f CPU ms per row, "
                + "RSS growth %.0f MiB", saved, status, seconds, accepted, rate, cpuMs / (double) Math.max(1, saved), growthMib));
        boolean ok = "finished".equals(status) && saved == jobRows;
        return new Row(jobRows + "-row SMS job from POST /v2/notifications/bulk -> all rows saved and queued: rows/s; "
                + "CPU per row; RSS growth", ">= 5,000 rows/s; RSS growth < 200 MiB",
                String.format(Locale.ROOT, "%s/s (%s, %d rows in %.1f s); %.3f CPU ms per row; +%.0f MiB", fmt(rate), status, saved,
                        seconds, cpuMs / (double) Math.max(1, saved), growthMib), "",
                rssBefore == 0 ? "" : met(ok && rate >= 5000 && growthMib < 200));
    }

    /** A /proc/&lt;pid&gt;/status value in KiB (0 when unknown). */
    private long procStatus(String field) {
        if (pid.isEmpty()) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** User + system CPU of the application so far, in clock ticks (1/100 s). */
    private long cpuTicks() {
        if (pid.isEmpty()) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Two-page precompiled letters checked and rewritten per second, on all cores of this JVM (target >= 15/s). */
    private Row precompiledLetterRow() throws Exception {
        float dpi = Float.parseFloat(property("bench.letters.dpi", "100"));
        PrecompiledLetterBench.Result r = PrecompiledLetterBench.run(dpi, 10, Math.max(10, latencySeconds));
        log(String.format(Locale.ROOT, "precompiled letters: %.1f/s, %.1f CPU ms each, %d letters, %d failed", r.perSecond(),
                r.cpuMsPerLetter(), r.letters(), r.failed()));
        return new Row("precompiled two-page letters validated and sanitised/s (" + r.threads() + " threads, " + fmt(dpi)
                + " dpi, in the load generator's JVM)", ">= 15/s", String.format(Locale.ROOT, "%.1f/s, %.1f CPU ms per letter%s",
                r.perSecond(), r.cpuMsPerLetter(), r.failed() > 0 ? " (" + r.failed() + " failed)" : ""), "",
                met(r.failed() == 0 && r.perSecond() >= 15));
    }

    /** Templated two-page letters rendered to PDF per second on {@code bench.letter-threads} threads (ADR 0111). */
    private Row letterRow() throws InterruptedException {
        int threads = Integer.parseInt(property("bench.letter-threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        int seconds = Integer.parseInt(property("bench.letter-seconds", "30"));
        log("letters: rendering on " + threads + " threads, 15 s warm-up, " + seconds + " s measured");
        LetterRenderBench.Result letters = LetterRenderBench.measure(threads, 15, seconds);
        return new Row("templated letter PDFs rendered/s (" + letters.pages() + "-page letter, " + letters.threads() + " threads, "
                + letters.seconds() + " s, in process)", ">= 40/s on 2 cores",
                String.format(Locale.ROOT, "%.1f/s, %.1f ms CPU per letter", letters.perSecond(), letters.cpuMillisPerLetter()), "",
                met(letters.perSecond() >= 40));
    }

    private void writeTable(List<Row> rows) throws IOException {
        String table = table(rows);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println();
        System.out.println(table);
    }

    // ---------------------------------------------------------------- set-up through the internal API

    record Fixture(String serviceId, String smsTemplate, String emailTemplate, Algorithm key) {
    }

    record BroadcastFixture(String serviceId, String creator, String approver) {
    }

    private String createUser() throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Bench user");
        body.put("email_address", "bench-" + UUID.randomUUID() + "@example.gov.uk");
        body.put("password", "bench load generator password");
        body.put("mobile_number", "+447700900986");
        body.put("state", "active");
        return admin("/user", body, 201).path("data").path("id").asText();
    }

    private String createService(String name, String user, List<String> permissions) throws IOException, InterruptedException {
        String unique = name + " " + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", user);
        body.put("created_by", user);
        body.put("name", unique);
        body.put("email_from", unique.toLowerCase(Locale.ROOT).replace(' ', '.'));
        body.put("message_limit", 100_000_000);
        body.put("restricted", false);
        body.put("permissions", permissions);
        String id = admin("/service", body, 201).path("data").path("id").asText();
        // the default rate limit (3,000 per minute) would cap the benchmark at 50/s
        admin("/service/" + id, Map.of("rate_limit", 100_000_000), 200);
        return id;
    }

    private Fixture createSendingService(String name) throws IOException, InterruptedException {
        String user = createUser();
        String service = createService(name, user, List.of("sms", "email"));
        String sms = admin("/service/" + service + "/template", Map.of("name", "Bench SMS", "template_type", "sms",
                "content", "Hello ((name)), your reference is ((reference)).", "service", service, "created_by", user), 201)
                .path("data").path("id").asText();
        String email = admin("/service/" + service + "/template", Map.of("name", "Bench email", "template_type", "email",
                "subject", "Hello ((name))", "content", "Hello ((name)),\n\nYour reference is ((reference)).",
                "service", service, "created_by", user), 201).path("data").path("id").asText();
        String secret = admin("/service/" + service + "/api-key", Map.of("name", "bench live key", "key_type", "normal",
                "created_by", user), 201).path("data").asText();
        return new Fixture(service, sms, email, Algorithm.HMAC256(secret));
    }

    private BroadcastFixture createBroadcastService() throws IOException, InterruptedException {
        String creator = createUser();
        String approver = createUser();
        String service = createService("Bench broadcasts", creator, List.of("broadcast"));
        admin("/service/" + service + "/users/" + approver, Map.of("permissions", List.of()), 201);
        return new BroadcastFixture(service, creator, approver);
    }

    private JsonNode admin(String path, Object body, int expected) throws IOException, InterruptedException {
        String token = JWT.create().withIssuer("notify-admin").withClaim("iat", Instant.now().getEpochSecond()).sign(adminKey);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    // ---------------------------------------------------------------- the public API load

    /** One POST /v2/notifications/sms to a non-simulated UK mobile, signed with a fresh JWT. */
    private HttpRequest sms(Fixture f) {
        int n = ThreadLocalRandom.current().nextInt(300, 1000);
        String body = "{\"phone_number\":\"07700900" + n + "\",\"template_id\":\"" + f.smsTemplate
                + "\",\"personalisation\":{\"name\":\"Bench\",\"reference\":\"" + UUID.randomUUID() + "\"}}";
        return post("/v2/notifications/sms", f, body);
    }

    private HttpRequest email(Fixture f) {
        String body = "{\"email_address\":\"bench." + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.com\",\"template_id\":\""
                + f.emailTemplate + "\",\"personalisation\":{\"name\":\"Bench\",\"reference\":\"" + UUID.randomUUID() + "\"}}";
        return post("/v2/notifications/email", f, body);
    }

    private HttpRequest post(String path, Fixture f, String body) {
        String token = JWT.create().withIssuer(f.serviceId).withClaim("iat", Instant.now().getEpochSecond()).sign(f.key);
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static final class Load {
        final AtomicLong okCount = new AtomicLong();
        final AtomicLong failedCount = new AtomicLong();
        final List<long[]> perThread = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        long ok;
        long failed;

        long[] sortedLatencies() {
            long[] all = perThread.stream().flatMapToLong(Arrays::stream).filter(v -> v >= 0).toArray();
            Arrays.sort(all);
            return all;
        }

        String summary() {
            long[] l = sortedLatencies();
            return ok + " accepted, " + failed + " failed" + (failures.isEmpty() ? "" : " (first: " + failures.get(0) + ")")
                    + String.format(Locale.ROOT, ", p50 %.1f ms, p99 %.1f ms", percentile(l, 50), percentile(l, 99));
        }
    }

    /** {@link #connections} threads, each sending its next request as soon as the last is answered. */
    private Load closedLoop(int seconds, IntFunction<HttpRequest> request) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        return drive(request, end, 0, System.nanoTime());
    }

    /**
     * Requests at a fixed rate, latency measured from when each request was due (so a slow answer delays the
     * next requests' clocks too, without coordinated omission).
     */
    private Load openLoop(double rate, int seconds, IntFunction<HttpRequest> request) throws InterruptedException {
        long start = System.nanoTime() + 100_000_000L;
        long period = (long) (1_000_000_000L / rate);
        return drive(request, start + seconds * 1_000_000_000L, period == 0 ? 1 : period, start);
    }

    /** Runs the load until {@code end} (nanoTime) or until {@code request} gives null; period 0 = closed loop. */
    private Load drive(IntFunction<HttpRequest> request, long end, long period, long start) throws InterruptedException {
        Load load = new Load();
        AtomicLong sequence = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            long[] latencies = new long[2_000_000 / connections + 1];
            Arrays.fill(latencies, -1);
            load.perThread.add(latencies);
            Thread thread = new Thread(() -> {
                int recorded = 0;
                while (true) {
                    long due;
                    if (period > 0) {
                        long i = sequence.getAndIncrement();
                        due = start + i * period;
                        if (due >= end) {
                            return;
                        }
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    } else {
                        due = System.nanoTime();
                        if (due >= end) {
                            return;
                        }
                    }
                    HttpRequest next = request.apply(0);
                    if (next == null) {
                        return;
                    }
                    try {
                        HttpResponse<String> response = http.send(next, HttpResponse.BodyHandlers.ofString());
                        long latency = System.nanoTime() - due;
                        if (response.statusCode() == 201) {
                            load.okCount.incrementAndGet();
                            if (recorded < latencies.length) {
                                latencies[recorded++] = latency;
                            }
                        } else {
                            fail(load, response.statusCode() + " " + response.body());
                        }
                    } catch (IOException e) {
                        fail(load, e.toString());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        load.ok = load.okCount.get();
        load.failed = load.failedCount.get();
        return load;
    }

    private static void fail(Load load, String what) {
        load.failedCount.incrementAndGet();
        synchronized (load.failures) {
            if (load.failures.size() < 5) {
                load.failures.add(what.length() > 300 ? what.substring(0, 300) : what);
            }
        }
    }

    // ---------------------------------------------------------------- the delivery pipeline

    private boolean pipelineMerged() throws IOException, InterruptedException {
        HttpResponse<String> routes = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/camelroutes")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return routes.statusCode() == 200 && routes.body().contains("\"consume-send-sms-tasks\"")
                && routes.body().contains("\"consume-send-email-tasks\"");
    }

    record PipelineResult(double rate, long delivered, double within10s) {
    }

    /** Waits (at most 600 s) until the pipeline has delivered every notification of {@code f}'s service. */
    private void drain(Fixture f) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(600).toNanos();
        try (Connection db = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM notifications WHERE service_id = ? "
                     + "AND notification_status NOT IN ('delivered', 'permanent-failure', 'temporary-failure', 'technical-failure')")) {
            query.setObject(1, UUID.fromString(f.serviceId));
            while (true) {
                try (ResultSet r = query.executeQuery()) {
                    r.next();
                    long left = r.getLong(1);
                    if (left == 0 || System.nanoTime() > deadline) {
                        log(String.format(Locale.ROOT, "backlog of the API runs delivered after %.0f s (%d left)",
                                (System.nanoTime() - start) / 1e9, left));
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    /** Sends {@link #pipelineCount} SMS and emails (half each), then polls the database until all are delivered. */
    private PipelineResult pipelineRun(Fixture f) throws Exception {
        AtomicLong sent = new AtomicLong();
        Load load = drive(i -> {
            long n = sent.getAndIncrement();
            return n >= pipelineCount ? null : n % 2 == 0 ? sms(f) : email(f);
        }, Long.MAX_VALUE, 0, System.nanoTime());
        log("pipeline: " + load.summary());
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        try (Connection db = DriverManager.getConnection(dbUrl, "postgres", "")) {
            while (true) {
                try (PreparedStatement query = db.prepareStatement("""
                        SELECT count(*) FILTER (WHERE notification_status = 'delivered') AS delivered,
                               count(*) FILTER (WHERE sent_at IS NOT NULL AND sent_at - created_at <= interval '10 seconds') AS fast,
                               count(*) AS total, min(created_at) AS first,
                               max(coalesce(updated_at, sent_at)) FILTER (WHERE notification_status = 'delivered') AS last
                        FROM notifications WHERE service_id = ?""")) {
                    query.setObject(1, UUID.fromString(f.serviceId));
                    try (ResultSet r = query.executeQuery()) {
                        r.next();
                        long delivered = r.getLong("delivered");
                        long total = r.getLong("total");
                        if (delivered >= total || System.nanoTime() > deadline) {
                            Timestamp first = r.getTimestamp("first");
                            Timestamp last = r.getTimestamp("last");
                            double seconds = first == null || last == null ? 0
                                    : Math.max(0.001, (last.getTime() - first.getTime()) / 1000.0);
                            return new PipelineResult(seconds == 0 ? 0 : delivered / seconds, delivered,
                                    total == 0 ? 0 : r.getLong("fast") / (double) total);
                        }
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    // ---------------------------------------------------------------- SQS calls

    private Map<String, Double> sqsCalls() throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Double> calls = new LinkedHashMap<>();
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("notify_sqs_api_calls_total{")) {
                int at = line.indexOf("operation=\"") + "operation=\"".length();
                String operation = line.substring(at, line.indexOf('"', at));
                calls.merge(operation, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        return calls;
    }

    private static double total(Map<String, Double> calls) {
        return calls.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String perOperation(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder s = new StringBuilder();
        after.forEach((operation, value) -> {
            long delta = Math.round(value - before.getOrDefault(operation, 0.0));
            if (delta > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(operation).append(' ').append(delta);
            }
        });
        return s.isEmpty() ? "no calls" : s.toString();
    }

    // ---------------------------------------------------------------- broadcasts

    private long[] broadcastRun(BroadcastFixture f, int count) throws Exception {
        long[] latencies = new long[count];
        String base = "/service/" + f.serviceId + "/broadcast-message";
        try (Connection db = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement acked = db.prepareStatement("""
                     SELECT count(DISTINCT p.provider) FROM broadcast_provider_message p
                     JOIN broadcast_event e ON e.id = p.broadcast_event_id
                     WHERE e.broadcast_message_id = ? AND p.status = 'returned-ack'""")) {
            for (int i = 0; i < count; i++) {
                Map<String, Object> draft = new LinkedHashMap<>();
                draft.put("service_id", f.serviceId);
                draft.put("created_by", f.creator);
                draft.put("content", "Bench broadcast " + i);
                draft.put("reference", "bench " + UUID.randomUUID());
                draft.put("areas", List.of("Wainfleet"));
                draft.put("simple_polygons", List.of(List.of(List.of(53.10, 0.24), List.of(53.11, 0.25), List.of(53.12, 0.23),
                        List.of(53.10, 0.24))));
                draft.put("starts_at", Instant.now().toString());
                draft.put("finishes_at", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
                String id = admin(base, draft, 201).path("id").asText();
                long start = System.nanoTime();
                admin(base + "/" + id + "/status", Map.of("status", "broadcasting", "created_by", f.approver), 200);
                acked.setObject(1, UUID.fromString(id));
                long deadline = start + Duration.ofSeconds(30).toNanos();
                while (true) {
                    try (ResultSet r = acked.executeQuery()) {
                        r.next();
                        if (r.getInt(1) >= 4) {
                            latencies[i] = System.nanoTime() - start;
                            break;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        latencies[i] = Long.MAX_VALUE;
                        log("broadcast " + id + " not acknowledged by all networks within 30 s");
                        break;
                    }
                    Thread.sleep(2);
                }
            }
        }
        StringBuilder order = new StringBuilder();
        for (long l : latencies) {
            order.append(order.isEmpty() ? "" : " ").append(l == Long.MAX_VALUE ? "timeout" : Long.toString(l / 1_000_000));
        }
        log("broadcast latencies in order (ms): " + order);
        Arrays.sort(latencies);
        return latencies;
    }

    private void setPrimaries(boolean down) throws IOException, InterruptedException {
        for (String network : List.of("ee", "o2", "three", "vodafone")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/simulator/cbc/" + network + "-1-proxy/behaviour"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"down\":" + down + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("CBC simulator control answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    // ---------------------------------------------------------------- process and formatting

    /** VmHWM of the application process, formatted and in KiB. */
    private String[] rss() throws IOException {
        if (pid.isEmpty() || !Files.exists(Path.of("/proc", pid, "status"))) {
            return new String[] {"n/a", ""};
        }
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("VmHWM:")) {
                String kib = line.replaceAll("[^0-9]", "");
                return new String[] {String.format(Locale.ROOT, "%.0f MiB", Long.parseLong(kib) / 1024.0), kib};
            }
        }
        return new String[] {"n/a", ""};
    }

    record Row(String measure, String target, String measured, String ratio, String met) {
    }

    private static String table(List<Row> rows) {
        StringBuilder s = new StringBuilder("| measure | target | measured | x pgbench | met |\n| --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            s.append("| ").append(r.measure).append(" | ").append(r.target).append(" | ").append(r.measured).append(" | ")
                    .append(r.ratio).append(" | ").append(r.met).append(" |\n");
        }
        return s.toString();
    }

    private String ratio(double rate) {
        return pgbenchTps <= 0 ? "" : String.format(Locale.ROOT, "%.2f", rate / pgbenchTps);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ms(long[] sortedNanos) {
        if (sortedNanos.length == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%s / %s", msOrTimeout(percentile(sortedNanos, 50)), msOrTimeout(percentile(sortedNanos, 99)));
    }

    private static String msOrTimeout(double millis) {
        return millis > 1e9 ? "timed out" : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    /** Nearest-rank percentile of sorted nanosecond values, in milliseconds. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        long v = sortedNanos[Math.min(sortedNanos.length - 1, Math.max(0, rank - 1))];
        return v == Long.MAX_VALUE ? Double.MAX_VALUE : v / 1e6;
    }

    private static void log(String message) {
        System.out.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }

    static {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
