package org.notifyoncamel.antivirus;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client of clamd's {@code INSTREAM} command (clamd(8)): {@code zINSTREAM\0}, then the content in chunks, each
 * preceded by its length as a 4-byte big-endian integer, then a zero length; clamd answers one NUL-terminated line,
 * {@code stream: OK}, {@code stream: <signature> FOUND} or {@code <reason> ERROR} (for example
 * {@code INSTREAM size limit exceeded. ERROR} past its {@code StreamMaxLength}). One connection per scan.
 */
public final class ClamdScanner implements VirusScanner {

    static final int MAX_REPLY = 4096;

    private final String host;
    private final int port;
    private final int connectTimeoutMs;
    private final int readTimeoutMs;
    private final int chunkSize;

    public ClamdScanner(String host, int port, int connectTimeoutMs, int readTimeoutMs, int chunkSize) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        this.host = host;
        this.port = port;
        this.connectTimeoutMs = connectTimeoutMs;
        this.readTimeoutMs = readTimeoutMs;
        this.chunkSize = chunkSize;
    }

    @Override
    public ScanResult scan(byte[] content) throws VirusScanException {
        String reply = call("zINSTREAM\0", content);
        if (reply.endsWith(" FOUND")) {
            String signature = reply.substring(reply.indexOf(':') + 1, reply.length() - " FOUND".length()).strip();
            return new ScanResult.Infected(signature);
        }
        if (reply.endsWith(": OK")) {
            return ScanResult.clean();
        }
        throw new VirusScanException("clamd answered: " + reply);
    }

    /** clamd's {@code PING}: true when it answers {@code PONG}. */
    public boolean ping() {
        try {
            return "PONG".equals(call("zPING\0", null));
        } catch (VirusScanException e) {
            return false;
        }
    }

    private String call(String command, byte[] content) throws VirusScanException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            socket.setSoTimeout(readTimeoutMs);
            try {
                send(new DataOutputStream(socket.getOutputStream()), command, content);
            } catch (IOException e) {
                // clamd answers and closes the connection when the stream passes its limit: read what it said
                return readReply(socket.getInputStream());
            }
            return readReply(socket.getInputStream());
        } catch (IOException e) {
            throw new VirusScanException("clamd at " + host + ":" + port + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private void send(DataOutputStream out, String command, byte[] content) throws IOException {
        out.write(command.getBytes(StandardCharsets.US_ASCII));
        if (content != null) {
            for (int offset = 0; offset < content.length; offset += chunkSize) {
                int length = Math.min(chunkSize, content.length - offset);
                out.writeInt(length);
                out.write(content, offset, length);
            }
            out.writeInt(0);
        }
        out.flush();
    }

    private static String readReply(InputStream in) throws IOException, VirusScanException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && b != '\n') {
            if (reply.size() >= MAX_REPLY) {
                throw new VirusScanException("clamd reply too long");
            }
            reply.write(b);
        }
        if (reply.size() == 0) {
            throw new VirusScanException("clamd closed the connection without an answer");
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }

    @Override
    public String toString() {
        return "ClamdScanner[" + host + ":" + port + "]";
    }
}
