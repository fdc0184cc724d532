package org.notifyoncamel.antivirus;

import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The virus scanner (ADR 0121): clamd at {@code notify.antivirus.clamd.host} when set; otherwise, in development and
 * tests, the in-process {@link ClamdSimulator}, reached over TCP through the same {@link ClamdScanner}.
 */
@Configuration(proxyBeanMethods = false)
public class AntivirusConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "notify.antivirus.simulator.enabled", havingValue = "true")
    ClamdSimulator clamdSimulator(@Value("${notify.antivirus.simulator.port}") int port,
                                  @Value("${notify.antivirus.simulator.stream-max-bytes}") long streamMaxBytes,
                                  @Value("${notify.antivirus.simulator.fail}") boolean fail) throws IOException {
        return ClamdSimulator.start(port, streamMaxBytes, fail);
    }

    @Bean
    VirusScanner virusScanner(ObjectProvider<ClamdSimulator> simulator,
                              @Value("${notify.antivirus.clamd.host}") String host,
                              @Value("${notify.antivirus.clamd.port}") int port,
                              @Value("${notify.antivirus.connect-timeout-ms}") int connectTimeoutMs,
                              @Value("${notify.antivirus.read-timeout-ms}") int readTimeoutMs,
                              @Value("${notify.antivirus.chunk-bytes}") int chunkBytes) {
        ClamdSimulator local = simulator.getIfAvailable();
        if (host.isBlank() && local != null) {
            return new ClamdScanner("127.0.0.1", local.port(), connectTimeoutMs, readTimeoutMs, chunkBytes);
        }
        if (host.isBlank()) {
            // no scanner configured: every scan is an error, so letters end in technical-failure, never unscanned
            return content -> {
                throw new VirusScanException("no virus scanner: set NOTIFY_ANTIVIRUS_CLAMD_HOST or turn ANTIVIRUS_ENABLED off");
            };
        }
        return new ClamdScanner(host, port, connectTimeoutMs, readTimeoutMs, chunkBytes);
    }
}
