package org.notifyoncamel.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.callbacks.CallbackUrlGuard.Verdict;

class CallbackUrlGuardTest {

    /** Names resolved from a table, as DNS would answer them; literal addresses are parsed, never looked up. */
    static final Map<String, String[]> DNS = Map.of(
            "service.example.gov.uk", new String[] {"93.184.216.34"},
            "both.example.gov.uk", new String[] {"93.184.216.34", "10.0.0.7"},
            "rebound.example.gov.uk", new String[] {"169.254.169.254"},
            "v6.example.gov.uk", new String[] {"2a00:1450:4009:81f::200e"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] found = DNS.get(host);
        if (found == null) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[found.length];
        for (int i = 0; i < found.length; i++) {
            addresses[i] = InetAddress.getByAddress(host, InetAddress.getByName(found[i]).getAddress());
        }
        return addresses;
    }

    final CallbackUrlGuard production = new CallbackUrlGuard(false, CallbackUrlGuardTest::resolve);
    final CallbackUrlGuard development = new CallbackUrlGuard(true, CallbackUrlGuardTest::resolve);

    @Test
    void publicHttpsUrlsAreAllowed() {
        assertThat(production.check("https://service.example.gov.uk/callbacks?x=1")).isEqualTo(Verdict.ALLOWED);
        assertThat(production.check("https://v6.example.gov.uk/cb")).isEqualTo(Verdict.ALLOWED);
        assertThat(production.check("https://93.184.216.34:8443/cb")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void internalAddressesAreRefusedHoweverWritten() {
        for (String url : new String[] {
                "https://127.0.0.1/cb", "https://localhost/cb", "https://10.1.2.3/cb", "https://172.16.0.1/cb",
                "https://172.31.255.255/cb", "https://192.168.0.10/cb", "https://169.254.169.254/latest/meta-data/",
                "https://rebound.example.gov.uk/cb", "https://both.example.gov.uk/cb", "https://100.64.0.1/cb",
                "https://0.0.0.0/cb", "https://[::1]/cb", "https://[fe80::1]/cb", "https://[fd00:ec2::254]/cb",
                "https://[::ffff:127.0.0.1]/cb", "https://[::ffff:10.0.0.1]/cb", "https://224.0.0.1/cb", "https://[::]/cb"}) {
            assertThat(production.check(url)).as(url).isEqualTo(Verdict.INTERNAL_ADDRESS);
        }
    }

    @Test
    void developmentReachesLoopbackOnlyAndStillNotThePrivateNetwork() {
        assertThat(development.check("http://localhost:6011/simulators/callback")).isEqualTo(Verdict.ALLOWED);
        assertThat(development.check("https://127.0.0.1:6011/cb")).isEqualTo(Verdict.ALLOWED);
        assertThat(development.check("https://10.1.2.3/cb")).isEqualTo(Verdict.INTERNAL_ADDRESS);
        assertThat(development.check("https://169.254.169.254/latest/meta-data/")).isEqualTo(Verdict.INTERNAL_ADDRESS);
        assertThat(development.check("http://service.example.gov.uk/cb")).isEqualTo(Verdict.NOT_HTTPS);
        assertThat(production.check("http://localhost:6011/cb")).isEqualTo(Verdict.INTERNAL_ADDRESS);
    }

    @Test
    void otherSchemesAndUnresolvableHostsAreRefused() {
        assertThat(production.check("http://service.example.gov.uk/cb")).isEqualTo(Verdict.NOT_HTTPS);
        assertThat(production.check("ftp://service.example.gov.uk/cb")).isEqualTo(Verdict.NOT_HTTPS);
        assertThat(production.check("https:///nohost")).isEqualTo(Verdict.NOT_HTTPS);
        assertThat(production.check("not a url")).isEqualTo(Verdict.NOT_HTTPS);
        assertThat(production.check("https://nowhere.invalid/cb")).isEqualTo(Verdict.UNRESOLVABLE);
    }
}
