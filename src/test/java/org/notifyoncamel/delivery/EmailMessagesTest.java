package org.notifyoncamel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** The raw MIME message handed to SES, written and read back with Jakarta Mail. */
class EmailMessagesTest {

    static EmailSend email(String unsubscribeUrl) {
        return new EmailSend(UUID.randomUUID(), UUID.randomUUID(), "My Service", "my.service@notify.tools", "jo@example.gov.uk",
                "Hello", "Dear Jo", "<p>Dear Jo</p>", null, unsubscribeUrl, Instant.now());
    }

    static MimeMessage roundTrip(EmailSend email) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            MimeMessage message = new EmailMessages().mime(email, new DefaultExchange(camel));
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
        }
    }

    @Test
    void aOneClickUnsubscribeUrlBecomesBothRfc8058Headers() throws Exception {
        MimeMessage sent = roundTrip(email("https://example.gov.uk/unsubscribe?list=news&token=a1b2"));
        assertThat(sent.getHeader("List-Unsubscribe")).containsExactly("<https://example.gov.uk/unsubscribe?list=news&token=a1b2>");
        assertThat(sent.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void withoutAUrlNeitherHeaderIsSet() throws Exception {
        MimeMessage sent = roundTrip(email(null));
        assertThat(sent.getHeader("List-Unsubscribe")).isNull();
        assertThat(sent.getHeader("List-Unsubscribe-Post")).isNull();
        assertThat(sent.getSubject()).isEqualTo("Hello");
    }
}
