package org.notifyoncamel.dvla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DVLA's SFTP server for development and tests (ADR 0112): Apache MINA SSHD in this JVM, password login, the
 * files under a local directory ({@code notify/} receives the print zips, {@code responses/} holds the response
 * files the {@code dvla-simulator} route writes). The print run and the response route speak real SFTP to it
 * through camel-ftp, exactly as to DVLA. One server per JVM.
 */
public final class EmbeddedDvlaSftp {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDvlaSftp.class);
    private static SshServer server;

    private EmbeddedDvlaSftp() {
    }

    /** Starts the server once (port 0: any free port) and returns its port. */
    public static synchronized int start(int port, String directory, String username, String password) {
        if (server != null) {
            return server.getPort();
        }
        try {
            Path root = Path.of(directory).toAbsolutePath();
            Files.createDirectories(root.resolve("notify"));
            Files.createDirectories(root.resolve("responses"));
            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost("127.0.0.1");
            sshd.setPort(port);
            sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolve("host-key.ser")));
            sshd.setPasswordAuthenticator((user, pass, session) -> username.equals(user) && password.equals(pass));
            sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
            sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
            sshd.start();
            server = sshd;
            LOG.info("Embedded DVLA SFTP server (files under {}) listening on 127.0.0.1:{}", root, sshd.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    sshd.stop(true);
                } catch (IOException e) {
                    LOG.debug("Embedded SFTP stop failed: {}", e.getClass().getSimpleName());
                }
            }, "embedded-sftp-stop"));
            return sshd.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded DVLA SFTP server could not start", e);
        }
    }
}
