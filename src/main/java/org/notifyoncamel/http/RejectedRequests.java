package org.notifyoncamel.http;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's StrictHttpFirewall refuses (encoded slashes or dots, {@code ;} parameters,
 * {@code //}, {@code /./}, an unknown method, control characters in a header) is answered 400 in the
 * endpoint's error shape instead of the container's 500 (docs/security.md). The firewall's reason is
 * logged without the URL, which is request data.
 */
@Component
public class RejectedRequests implements RequestRejectedHandler {

    static final String MESSAGE = "The request was rejected: the URL or a header is not in a form this API accepts";
    private static final Logger LOG = LoggerFactory.getLogger(RejectedRequests.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) throws IOException {
        LOG.info("Request rejected by the firewall: {}", reason(rejected.getMessage()));
        ErrorBodies.write(request, response, 400, "BadRequestError", MESSAGE);
    }

    /** The firewall's sentence up to the offending value (it quotes the value after a colon or in quotes). */
    static String reason(String message) {
        if (message == null) {
            return "";
        }
        int cut = message.length();
        for (String mark : new String[] {"\"", ":"}) {
            int at = message.indexOf(mark);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return message.substring(0, cut).trim();
    }
}
