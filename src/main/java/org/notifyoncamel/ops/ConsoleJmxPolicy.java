package org.notifyoncamel.ops;

import java.util.Locale;
import java.util.Set;

import javax.management.ObjectName;

import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Jolokia (and so Hawtio) may do once a caller has reached it (docs/security.md, ADR 0090), set by
 * {@code management.endpoint.jolokia.config.restrictorClass}. An allow-list, so an MBean added by a library
 * upgrade is readable but not invocable until someone decides it should be:
 * <ul>
 * <li>read, list, search and version: every MBean;</li>
 * <li>exec: the route operations ops need (start, stop, suspend, resume, restart, reset statistics) on
 * Camel route MBeans; read-only operations ({@code dump*}, {@code get*}, {@code is*}, {@code list*}) on Camel
 * MBeans, except those returning message bodies (tracer, browse, message history); Hawtio's own helper
 * MBeans; thread dumps and {@code gc}. Never {@code ManagedCamelContext}'s send/request/add-routes operations,
 * {@code DiagnosticCommand}, {@code HotSpotDiagnostic} (heap dumps) or anything else;</li>
 * <li>write: attributes of Camel MBeans only, never of {@code java.*}, {@code jdk.*} or any other domain;</li>
 * <li>no JMX notification subscriptions; GET and POST only;</li>
 * <li>CORS: no origin is ever echoed in {@code Access-Control-Allow-Origin}; cross-site requests are refused
 * before Jolokia by {@link ConsoleSecurity}.</li>
 * </ul>
 */
public class ConsoleJmxPolicy implements Restrictor {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleJmxPolicy.class);

    static final String CAMEL = "org.apache.camel";
    static final Set<String> ROUTE_OPERATIONS = Set.of("start", "stop", "suspend", "resume", "restart", "reset");
    static final Set<String> READ_ONLY_PREFIXES = Set.of("dump", "get", "is", "list");
    /** Operation names that may return exchanges' bodies or headers (recipients, personalisation). */
    static final Set<String> MESSAGE_WORDS = Set.of("message", "trace", "browse", "history", "body", "bodies");

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.POST;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return type != RequestType.NOTIFICATION;
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return true;
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        boolean allowed = CAMEL.equals(name.getDomain());
        if (!allowed) {
            LOG.info("Jolokia refused a write of {} of {}", attribute, name);
        }
        return allowed;
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String signature) {
        boolean allowed = operationAllowed(name, signature);
        if (!allowed) {
            LOG.info("Jolokia refused the operation {} of {}", signature, name);
        }
        return allowed;
    }

    private static boolean operationAllowed(ObjectName name, String signature) {
        // Jolokia passes the operation as the caller wrote it, with or without its signature: stop or stop()
        int paren = signature.indexOf('(');
        String operation = paren < 0 ? signature : signature.substring(0, paren);
        String domain = name.getDomain();
        String type = name.getKeyProperty("type");
        if (CAMEL.equals(domain)) {
            if ("routes".equals(type) && ROUTE_OPERATIONS.contains(operation)) {
                return true;
            }
            return readOnly(operation);
        }
        if ("hawtio".equals(domain)) {
            return true;
        }
        if ("java.lang".equals(domain) && "Threading".equals(type)) {
            return readOnly(operation) || operation.equals("findDeadlockedThreads") || operation.equals("findMonitorDeadlockedThreads");
        }
        return "java.lang".equals(domain) && "Memory".equals(type) && operation.equals("gc");
    }

    static boolean readOnly(String operation) {
        String lower = operation.toLowerCase(Locale.ROOT);
        return READ_ONLY_PREFIXES.stream().anyMatch(operation::startsWith) && MESSAGE_WORDS.stream().noneMatch(lower::contains);
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return true;
    }

    /** Strict check (should the request be served): yes, ConsoleSecurity has refused cross-site ones. Echo in CORS headers: never. */
    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        return onlyWhenStrictCheckingIsEnabled;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return false;
    }
}
