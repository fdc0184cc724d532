package org.notifyoncamel.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests an HTTP client library would tidy up (unnormalised paths, bodies that
 * lie about their size): the request line is sent exactly as given.
 */
public final class RawHttp {

    public record Response(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private RawHttp() {
    }

    /** Sends the request head (the lines after the request line, without the blank line) and an optional body. */
    public static Response send(int port, String requestLine, String headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            if (headers != null && !headers.isEmpty()) {
                head.append(headers).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    public static Response get(int port, String path, String headers) throws IOException {
        return send(port, "GET " + path + " HTTP/1.1", headers, null);
    }

    /**
     * Reads one response: up to its Content-Length when it has one (the server may keep the connection open, e.g.
     * while it discards an unread request body), else until the server closes the connection.
     */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) != -1) {
                all.write(buffer, 0, n);
                if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            // the server may reset the connection after answering (an unread body): keep what arrived
            if (all.size() == 0) {
                throw e;
            }
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        String[] statusLine = head.split("\r\n", 2)[0].split(" ");
        int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Response(status, head, body);
    }

    private static boolean complete(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        for (String line : text.substring(0, split).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return text.length() - split - 4 >= Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
