package org.notifyoncamel.antivirus;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clamd stand-in for development and tests: a TCP server on the loopback interface that speaks clamd's protocol
 * ({@code PING}, {@code VERSION}, {@code INSTREAM}; {@code z} (NUL-terminated) and {@code n} (newline-terminated)
 * forms), so {@link ClamdScanner} runs unchanged against it. It reports the EICAR anti-virus test string anywhere in
 * the stream as {@code Eicar-Signature FOUND}, refuses streams over its limit as clamd does, and when told to fail
 * answers every scan with an {@code ERROR} line (a broken clamd: the letter ends in {@code technical-failure}).
 */
public final class ClamdSimulator implements AutoCloseable {

    /** The EICAR anti-virus test file (eicar.org): harmless, and every scanner reports it. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    public static final String EICAR_SIGNATURE = "Eicar-Signature";

    private static final Logger LOG = LoggerFactory.getLogger(ClamdSimulator.class);
    private static final byte[] EICAR_BYTES = EICAR.getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final long streamMaxLength;
    private final ExecutorService connections;
    private final AtomicLong scans = new AtomicLong();
    private volatile boolean failing;

    private ClamdSimulator(ServerSocket server, long streamMaxLength, boolean failing) {
        this.server = server;
        this.streamMaxLength = streamMaxLength;
        this.failing = failing;
        AtomicInteger threads = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "clamd-simulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts listening on 127.0.0.1 at {@code port} (0: any free port). */
    public static ClamdSimulator start(int port, long streamMaxLength, boolean failing) throws IOException {
        ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        ClamdSimulator simulator = new ClamdSimulator(server, streamMaxLength, failing);
        simulator.connections.execute(simulator::accept);
        LOG.info("clamd simulator listening on 127.0.0.1:{}", simulator.port());
        return simulator;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on every scan answers ERROR (true) or scans again (false). */
    public void setFailing(boolean failing) {
        this.failing = failing;
    }

    public boolean failing() {
        return failing;
    }

    /** How many INSTREAM scans were answered. */
    public long scans() {
        return scans.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> serve(socket));
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                LOG.warn("clamd simulator accept failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            int form = in.read();
            if (form != 'z' && form != 'n') {
                reply(out, 'z', "UNKNOWN COMMAND");
                return;
            }
            String command = readCommand(in, form == 'z' ? 0 : '\n');
            switch (command) {
                case "PING" -> reply(out, form, "PONG");
                case "VERSION" -> reply(out, form, "ClamAV 1.0.0/notify-on-camel simulator");
                case "INSTREAM" -> reply(out, form, instream(in));
                default -> reply(out, form, "UNKNOWN COMMAND");
            }
        } catch (IOException e) {
            LOG.debug("clamd simulator connection ended: {}", e.getClass().getSimpleName());
        }
    }

    private String instream(DataInputStream in) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (true) {
            int length = in.readInt();
            if (length == 0) {
                break;
            }
            if (length < 0 || content.size() + (long) length > streamMaxLength) {
                return "INSTREAM size limit exceeded. ERROR";
            }
            byte[] chunk = in.readNBytes(length);
            if (chunk.length < length) {
                throw new EOFException();
            }
            content.write(chunk);
        }
        scans.incrementAndGet();
        if (failing) {
            return "Simulated scanner failure. ERROR";
        }
        return contains(content.toByteArray(), EICAR_BYTES) ? "stream: " + EICAR_SIGNATURE + " FOUND" : "stream: OK";
    }

    private static String readCommand(InputStream in, int terminator) throws IOException {
        StringBuilder command = new StringBuilder();
        int b;
        while ((b = in.read()) != terminator) {
            if (b < 0 || command.length() > 64) {
                throw new EOFException();
            }
            command.append((char) b);
        }
        return command.toString();
    }

    private static void reply(OutputStream out, int form, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.write(form == 'n' ? '\n' : 0);
        out.flush();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
