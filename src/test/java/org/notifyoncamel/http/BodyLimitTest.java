package org.notifyoncamel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.IntegrationTest;
import org.notifyoncamel.support.RawHttp;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every endpoint refuses a body over notify.http.max-body-bytes (8 MiB by default) with 413 in its own error
 * shape, before reading it or checking a token, whether the size is declared or the body is chunked; the process
 * allocates nothing like the body's size meanwhile (issue 10: three 300 MB receipts grew it by 500 MiB). Deep
 * JSON is a 400.
 */
@IntegrationTest
class BodyLimitTest {

    static final long LIMIT = 8_388_608L;
    static final long HUGE = 300L * 1024 * 1024;
    static final ObjectMapper MAPPER = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void declaredOversizedBodiesAre413InEachEndpointsShapeWithoutBeingRead() throws Exception {
        String[] paths = {"/v2/notifications/sms", "/service", "/notifications/sms/mmg", "/notifications/sms/receive/mmg",
                "/simulators/mmg", "/v2/notifications/letter"};
        for (String path : paths) {
            long allocatedBefore = allocatedBytes();
            RawHttp.Response response = declaredButNotSent(path, HUGE);
            long allocated = allocatedBytes() - allocatedBefore;
            assertThat(response.status()).as(path + ": " + response).isEqualTo(413);
            assertTooLargeShape(path, response);
            assertThat(allocated).as(path + " allocated bytes").isLessThan(HUGE / 10);
        }
    }

    @Test
    void chunkedOversizedBodiesAre413AfterTheLimitAndMemoryDoesNotGrowByTheBody() throws Exception {
        for (String path : new String[] {"/v2/notifications/sms", "/service", "/notifications/sms/mmg", "/notifications/sms/receive/mmg"}) {
            long allocatedBefore = allocatedBytes();
            RawHttp.Response response = chunked(path, HUGE);
            long allocated = allocatedBytes() - allocatedBefore;
            assertThat(response.status()).as(path + ": " + response).isEqualTo(413);
            assertTooLargeShape(path, response);
            // the limit once (plus the buffer's growth), nowhere near the 300 MB sent
            assertThat(allocated).as(path + " allocated bytes").isLessThan(HUGE / 4);
        }
    }

    @Test
    void bodiesWithinTheLimitStillWorkChunkedOrNot() throws Exception {
        byte[] form = "status=0&reference=nope".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response plain = RawHttp.send(port, "POST /notifications/sms/firetext HTTP/1.1",
                "Content-Type: application/x-www-form-urlencoded", form);
        assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
        RawHttp.Response chunked = chunkedBody("/notifications/sms/firetext", "application/x-www-form-urlencoded", form);
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(200);
        assertThat(chunked.body()).contains("success");
        RawHttp.Response missing = chunkedBody("/notifications/sms/firetext", "application/x-www-form-urlencoded",
                "mobile=447700900123&status=".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).as("the form's fields are read from the chunked body: " + missing).isEqualTo(400);

        // just under the limit is read (and refused later for what it is, not for its size)
        byte[] justUnder = new byte[(int) LIMIT - 100];
        Arrays.fill(justUnder, (byte) ' ');
        justUnder[0] = '{';
        justUnder[justUnder.length - 1] = '}';
        RawHttp.Response large = chunkedBody("/service", "application/json", justUnder);
        assertThat(large.status()).as(large.toString()).isNotEqualTo(413).isLessThan(500);
    }

    @Test
    void deeplyNestedJsonIsA400() throws Exception {
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        RawHttp.Response v2 = RawHttp.send(port, "POST /v2/notifications/sms HTTP/1.1", "Content-Type: application/json",
                deep.getBytes(StandardCharsets.UTF_8));
        assertThat(v2.status()).as(v2.toString()).isIn(400, 401, 403);
        RawHttp.Response receipt = RawHttp.send(port, "POST /notifications/sms/mmg HTTP/1.1", "Content-Type: application/json",
                deep.getBytes(StandardCharsets.UTF_8));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(400);
    }

    private void assertTooLargeShape(String path, RawHttp.Response response) throws IOException {
        JsonNode body = MAPPER.readTree(response.body());
        if (path.startsWith("/v2")) {
            assertThat(body.get("status_code").asInt()).isEqualTo(413);
            assertThat(body.get("errors").get(0).get("error").asText()).isEqualTo("RequestEntityTooLarge");
            assertThat(body.get("errors").get(0).get("message").asText()).contains(String.valueOf(LIMIT));
        } else {
            assertThat(body.get("result").asText()).isEqualTo("error");
            assertThat(body.get("message").asText()).contains(String.valueOf(LIMIT));
        }
    }

    /** A request that declares a huge body, sends 64 KiB of it and waits for the answer. */
    private RawHttp.Response declaredButNotSent(String path, long length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[64 * 1024]);
            out.flush();
            return RawHttp.read(socket.getInputStream());
        }
    }

    /** Streams a chunked body of up to {@code total} bytes (until the server stops reading) and reads the answer. */
    private RawHttp.Response chunked(String path, long total) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[256 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
            CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
                long sent = 0;
                try {
                    while (sent < total) {
                        out.write(size);
                        out.write(chunk);
                        out.write(crlf);
                        sent += chunk.length;
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed: the rest was never wanted
                }
                return sent;
            });
            RawHttp.Response response = RawHttp.read(socket.getInputStream());
            socket.shutdownOutput();
            assertThat(writer.get()).as("bytes sent before the server stopped reading").isLessThan(total);
            return response;
        }
    }

    private RawHttp.Response chunkedBody(String path, String contentType, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int at = 0;
            while (at < body.length) {
                int n = Math.min(100_000, body.length - at);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, at, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                at += n;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return RawHttp.read(socket.getInputStream());
        }
    }

    /** Bytes allocated so far by every live thread of the process (server threads included: the server runs here). */
    static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, allocated);
        }
        return total;
    }
}
