package org.notifyoncamel.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.notifyoncamel.config.JsonSettings;
import org.notifyoncamel.http.AdminError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * HTTP Basic on the inbound SMS endpoints (inbound-sms.md 3.1, 3.3). MMG: the username must be one of
 * {@code notify.inbound-sms.mmg-usernames} and the password one of {@code notify.inbound-sms.mmg-passwords},
 * the two lists checked independently as the original does. Firetext: the username must be
 * {@code notify} and the password one of {@code notify.inbound-sms.firetext-passwords}. No usable Basic
 * credentials: 401 (with {@code WWW-Authenticate: Bearer}, as the original); wrong ones: 403. The header
 * is parsed by Spring Security's {@link BasicAuthenticationConverter}; values are compared in constant
 * time ({@link MessageDigest#isEqual}) against every configured value.
 */
@Component("inboundSmsAuth")
public class InboundSmsAuth {

    public static final String FIRETEXT_USERNAME = "notify";
    static final String MISSING = "Unauthorized: authentication token must be provided";
    static final String WRONG = "Forbidden: invalid authentication token provided";

    private final List<String> mmgUsernames;
    private final List<String> mmgPasswords;
    private final List<String> firetextPasswords;
    private final BasicAuthenticationConverter converter = new BasicAuthenticationConverter();

    @Autowired
    public InboundSmsAuth(@Value("${notify.inbound-sms.mmg-usernames}") String mmgUsernames,
                          @Value("${notify.inbound-sms.mmg-passwords}") String mmgPasswords,
                          @Value("${notify.inbound-sms.firetext-passwords}") String firetextPasswords) {
        this(JsonSettings.stringList("MMG_INBOUND_SMS_USERNAME", mmgUsernames), JsonSettings.stringList("MMG_INBOUND_SMS_AUTH", mmgPasswords),
                JsonSettings.stringList("FIRETEXT_INBOUND_SMS_AUTH", firetextPasswords));
    }

    InboundSmsAuth(List<String> mmgUsernames, List<String> mmgPasswords, List<String> firetextPasswords) {
        this.mmgUsernames = List.copyOf(mmgUsernames);
        this.mmgPasswords = List.copyOf(mmgPasswords);
        this.firetextPasswords = List.copyOf(firetextPasswords);
    }

    public void mmg(Exchange exchange) {
        mmg(request(exchange));
    }

    public void firetext(Exchange exchange) {
        firetext(request(exchange));
    }

    void mmg(HttpServletRequest request) {
        UsernamePasswordAuthenticationToken credentials = credentials(request);
        boolean user = oneOf(mmgUsernames, credentials.getName());
        boolean password = oneOf(mmgPasswords, String.valueOf(credentials.getCredentials()));
        if (!(user & password)) {
            throw new AdminError(403, WRONG);
        }
    }

    void firetext(HttpServletRequest request) {
        UsernamePasswordAuthenticationToken credentials = credentials(request);
        boolean user = equal(FIRETEXT_USERNAME, credentials.getName());
        boolean password = oneOf(firetextPasswords, String.valueOf(credentials.getCredentials()));
        if (!(user & password)) {
            throw new AdminError(403, WRONG);
        }
    }

    private UsernamePasswordAuthenticationToken credentials(HttpServletRequest request) {
        UsernamePasswordAuthenticationToken token;
        try {
            token = request == null ? null : converter.convert(request);
        } catch (AuthenticationException malformed) {
            // "Basic" with an empty, non-base64 or colon-less token: no credentials, as the original (werkzeug) sees it
            token = null;
        }
        if (token == null) {
            throw new AdminError(401, MISSING).withHeader("WWW-Authenticate", "Bearer");
        }
        return token;
    }

    /** Compares with every value (no early exit), each in constant time. */
    private static boolean oneOf(List<String> allowed, String candidate) {
        boolean found = false;
        for (String value : allowed) {
            found |= equal(value, candidate);
        }
        return found;
    }

    private static boolean equal(String expected, String candidate) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpServletRequest request(Exchange exchange) {
        // platform-http hands the servlet request over with the message; anything else carries no credentials
        return exchange.getIn() instanceof PlatformHttpMessage message ? message.getRequest() : null;
    }
}
