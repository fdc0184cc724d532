package org.notifyoncamel.delivery;

import java.io.UnsupportedEncodingException;
import java.util.Properties;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Builds the MIME message handed to camel-aws2-ses (sent with SendRawEmail): multipart/alternative
 * with the plain text and the HTML body, From with the service's name, Reply-To when the
 * notification has one, and the RFC 8058 one-click unsubscribe headers ({@code List-Unsubscribe} with the client's
 * https URL, {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}) when it has a
 * {@code one_click_unsubscribe_url}. Sets the SES source and destination headers.
 */
@Component("emailMessages")
public class EmailMessages {

    /**
     * jakarta.mail looks its StreamProvider up on every MimeBodyPart, Multipart and writeTo: unless this system
     * property names it, through a ServiceLoader scan of the whole (nested) jar. That was 7.5 % of the all-in-one
     * process's CPU in the pipeline benchmark (docs/performance.md); naming the one implementation we ship
     * (Angus Mail) makes it a class look-up.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    /** RFC 2369 and RFC 8058: the unsubscribe target, and the POST a mailbox provider makes to it for one click. */
    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Session session = Session.getInstance(new Properties());

    public MimeMessage mime(@Body EmailSend email, Exchange exchange) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(email.fromAddress(), email.fromName(), "UTF-8"));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(email.to()));
        if (email.replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(email.replyTo())});
        }
        message.setSubject(email.subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.textBody(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(email.htmlBody(), "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.setHeader("X-Notify-Notification-Id", email.notificationId().toString());
        if (email.oneClickUnsubscribeUrl() != null) {
            message.setHeader(LIST_UNSUBSCRIBE, "<" + email.oneClickUnsubscribeUrl() + ">");
            message.setHeader(LIST_UNSUBSCRIBE_POST, ONE_CLICK);
        }
        message.saveChanges();
        exchange.getIn().setHeader("CamelAwsSesFrom", email.fromAddress());
        exchange.getIn().setHeader("CamelAwsSesTo", email.to());
        return message;
    }
}
