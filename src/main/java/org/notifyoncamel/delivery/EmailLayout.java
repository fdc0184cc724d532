package org.notifyoncamel.delivery;

import org.notifyoncamel.templates.HtmlEscaping;

/** The HTML document around a rendered email body (a plain layout; service branding is not applied). */
final class EmailLayout {

    private EmailLayout() {
    }

    static String wrap(String bodyHtml, String subject) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width\">\n<title>" + HtmlEscaping.escape(subject) + "</title>\n</head>\n"
                + "<body style=\"font-family: Helvetica, Arial, sans-serif; font-size: 16px; margin: 0; color: #0b0c0c;\">\n"
                + "<div style=\"max-width: 580px; margin: 0 auto; padding: 20px;\">\n" + bodyHtml + "</div>\n</body>\n</html>\n";
    }
}
