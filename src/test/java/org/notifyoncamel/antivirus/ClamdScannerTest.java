package org.notifyoncamel.antivirus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The INSTREAM client against the clamd simulator over real TCP on a random loopback port. */
class ClamdScannerTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private ClamdSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        simulator = ClamdSimulator.start(0, 64 * 1024, false);
    }

    @AfterEach
    void stop() throws IOException {
        simulator.close();
    }

    private ClamdScanner scanner(int chunkSize) {
        return new ClamdScanner("127.0.0.1", simulator.port(), 2000, 5000, chunkSize);
    }

    @Test
    void cleanContentIsClean() throws VirusScanException {
        assertThat(scanner(8192).scan(PDF)).isEqualTo(new ScanResult.Clean());
        assertThat(simulator.scans()).isEqualTo(1);
    }

    @Test
    void theEicarTestStringIsFoundWhereverItIsAndHoweverItIsChunked() throws VirusScanException {
        byte[] infected = (new String(PDF, StandardCharsets.US_ASCII) + "% " + ClamdSimulator.EICAR + "\n")
            .getBytes(StandardCharsets.US_ASCII);
        assertThat(scanner(8192).scan(infected)).isEqualTo(new ScanResult.Infected("Eicar-Signature"));
        // 7-byte chunks split the signature across many of them: the server scans the reassembled stream
        assertThat(scanner(7).scan(infected)).isEqualTo(new ScanResult.Infected("Eicar-Signature"));
    }

    @Test
    void aFailingScannerIsAnErrorNotAResult() {
        simulator.setFailing(true);
        assertThatThrownBy(() -> scanner(8192).scan(PDF)).isInstanceOf(VirusScanException.class)
            .hasMessageContaining("ERROR");
        simulator.setFailing(false);
        assertThat(scanner(8192).ping()).isTrue();
    }

    @Test
    void aStreamOverTheLimitIsRefusedAsClamdRefusesIt() {
        byte[] big = new byte[100 * 1024];
        assertThatThrownBy(() -> scanner(8192).scan(big)).isInstanceOf(VirusScanException.class)
            .hasMessageContaining("size limit exceeded");
    }

    @Test
    void noScannerListeningIsAnError() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ClamdScanner nobody = new ClamdScanner("127.0.0.1", port, 500, 500, 8192);
        assertThatThrownBy(() -> nobody.scan(PDF)).isInstanceOf(VirusScanException.class);
        assertThat(nobody.ping()).isFalse();
    }

    @Test
    void aScannerThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ClamdScanner scanner = new ClamdScanner("127.0.0.1", silent.getLocalPort(), 500, 300, 8192);
            assertThatThrownBy(() -> scanner.scan(PDF)).isInstanceOf(VirusScanException.class)
                .hasMessageContaining("SocketTimeoutException");
        }
    }

    @Test
    void theSimulatorSpeaksTheNewlineFormToo() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), simulator.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("nINSTREAM\n".getBytes(StandardCharsets.US_ASCII));
            byte[] eicar = ClamdSimulator.EICAR.getBytes(StandardCharsets.US_ASCII);
            out.write(new byte[] {0, 0, 0, (byte) eicar.length});
            out.write(eicar);
            out.write(new byte[4]);
            out.flush();
            assertThat(readLine(socket.getInputStream())).isEqualTo("stream: Eicar-Signature FOUND");
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
