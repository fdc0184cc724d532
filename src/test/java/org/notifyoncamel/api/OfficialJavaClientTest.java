package org.notifyoncamel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.ApiIntegrationTest;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestKey;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.NotificationList;
import uk.gov.service.notify.ReceivedTextMessage;
import uk.gov.service.notify.ReceivedTextMessageList;
import uk.gov.service.notify.SendEmailResponse;
import uk.gov.service.notify.SendSmsResponse;
import uk.gov.service.notify.Template;
import uk.gov.service.notify.TemplateList;
import uk.gov.service.notify.TemplatePreview;

/**
 * The official Java client (notifications-java-client 6.0.0-RELEASE) against the running app:
 * every client method except letters, with the assertions of its own integration test
 * (notifications-api app/v2).
 */
@ApiIntegrationTest
class OfficialJavaClientTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;

    TestService service;
    NotificationClient client;
    UUID smsTemplate;
    UUID emailTemplate;
    UUID letterTemplate;
    UUID replyTo;
    UUID smsSender;
    String baseUrl;

    @BeforeEach
    void setUp() {
        ApiTestData data = new ApiTestData(jdbc, cipher, events);
        service = data.service(false, "sms", "email", "letter");
        data.updateService(service.id(), "contact_link = 'https://example.gov.uk/contact'");
        TestKey key = data.apiKey(service, "test");
        baseUrl = "http://localhost:" + port;
        client = new NotificationClient(key.combined(), baseUrl);
        smsTemplate = data.template(service, "sms", "sms", null, "Hello ((name))");
        emailTemplate = data.template(service, "email", "email", "Subject ((name))", "Dear ((name))");
        UUID contact = data.letterContact(service.id(), "The Office");
        letterTemplate = data.template(service, "letter", "letter", "Letter", "Dear ((address_line_1))", "normal", contact);
        replyTo = data.replyTo(service.id(), "reply@example.gov.uk", true);
        smsSender = data.smsSender(service.id(), "GOVUK", false);
        data.inboundSms(service.id(), "one", Instant.now().minusSeconds(10));
        data.inboundSms(service.id(), "two", Instant.now());
    }

    @Test
    void sendEmailAndGetIt() throws Exception {
        String name = UUID.randomUUID().toString();
        String reference = UUID.randomUUID().toString();
        SendEmailResponse response = client.sendEmail(emailTemplate.toString(), "someone@example.gov.uk", Map.of("name", name), reference,
                replyTo.toString(), URI.create("https://example.gov.uk/unsubscribe"));
        assertThat(response.getBody()).contains(name);
        assertThat(response.getReference()).contains(reference);
        assertThat(response.getSubject()).isEqualTo("Subject " + name);
        assertThat(response.getFromEmail()).isPresent();
        assertThat(response.getTemplateUri()).isNotNull();
        assertThat(response.getOneClickUnsubscribeURL()).contains(URI.create("https://example.gov.uk/unsubscribe"));
        assertNotification(client.getNotificationById(response.getNotificationId().toString()), "email");

        NotificationList byReference = client.getNotifications(null, null, reference, null);
        assertThat(byReference.getNotifications()).hasSize(1);
        assertThat(byReference.getNotifications().get(0).getId()).isEqualTo(response.getNotificationId());
    }

    @Test
    void sendSmsWithSenderAndGetIt() throws Exception {
        String name = UUID.randomUUID().toString();
        SendSmsResponse response = client.sendSms(smsTemplate.toString(), "07700900123", Map.of("name", name), "ref", smsSender.toString());
        assertThat(response.getBody()).contains(name);
        assertThat(response.getReference()).contains("ref");
        assertThat(response.getFromNumber()).contains("GOVUK");
        assertNotification(client.getNotificationById(response.getNotificationId().toString()), "sms");
    }

    @Test
    void emailWithUploadedDocument() throws Exception {
        byte[] pdf = "%PDF-1.4 one page".getBytes();
        SendEmailResponse response = client.sendEmail(emailTemplate.toString(), "someone@example.gov.uk",
                Map.of("name", NotificationClient.prepareUpload(pdf)), "doc-ref");
        assertThat(response.getBody()).contains("https://documents.");
    }

    @Test
    void errorsAsTheClientSeesThem() {
        assertThatThrownBy(() -> client.sendEmail(emailTemplate.toString(), "someone@example.gov.uk", null, null))
                .isInstanceOfSatisfying(NotificationClientException.class, e -> {
                    assertThat(e.getHttpResult()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Status code: 400").contains("Missing personalisation: name").contains("BadRequestError");
                });
        assertThatThrownBy(() -> client.sendSms(smsTemplate.toString(), "07700900123", null, null))
                .isInstanceOfSatisfying(NotificationClientException.class, e ->
                        assertThat(e.getMessage()).contains("Status code: 400").contains("Missing personalisation: name"));
        assertThatThrownBy(() -> client.sendEmail(emailTemplate.toString(), "someone@example.gov.uk", Map.of("name", "x"), null,
                UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(NotificationClientException.class, e ->
                        assertThat(e.getMessage()).contains("does not exist in database for service id"));
        assertThatThrownBy(() -> client.sendSms(smsTemplate.toString(), "07700900123", Map.of("name", "x"), null,
                UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(NotificationClientException.class, e ->
                        assertThat(e.getMessage()).contains("does not exist in database for service id"));
        assertThatThrownBy(() -> client.getNotificationById(UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(NotificationClientException.class, e -> {
                    assertThat(e.getHttpResult()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("No result found");
                });
        assertThatThrownBy(() -> client.sendLetter(letterTemplate.toString(), Map.of("address_line_1", "a"), null))
                .isInstanceOfSatisfying(NotificationClientException.class, e -> assertThat(e.getHttpResult()).isEqualTo(400));
    }

    @Test
    void listNotificationsAndFollowNext() throws Exception {
        client.sendSms(smsTemplate.toString(), "07700900123", Map.of("name", "x"), null);
        client.sendSms(smsTemplate.toString(), "07700900123", Map.of("name", "y"), null);
        NotificationList list = client.getNotifications(null, null, null, null);
        assertThat(list.getNotifications()).isNotEmpty();
        assertNotification(list.getNotifications().get(0), "sms");
        assertThat(list.getCurrentPageLink()).isEqualTo(baseUrl + "/v2/notifications");
        assertThat(list.getNextPageLink()).isPresent();
        String olderThan = list.getNextPageLink().get().substring(list.getNextPageLink().get().indexOf("older_than=") + "older_than=".length());
        assertThat(client.getNotifications(null, null, null, olderThan).getNotifications()).isNotNull();
        assertThat(client.getNotifications("created", "sms", null, null).getNotifications()).hasSize(2);
    }

    @Test
    void templates() throws Exception {
        Template letter = client.getTemplateById(letterTemplate.toString());
        assertThat(letter.getId()).isEqualTo(letterTemplate);
        assertThat(letter.getCreatedAt()).isNotNull();
        assertThat(letter.getTemplateType()).isEqualTo("letter");
        assertThat(letter.getBody()).contains("((address_line_1))");
        assertThat(letter.getSubject()).isPresent();
        assertThat(letter.getLetterContactBlock()).contains("The Office");

        Template version = client.getTemplateVersion(smsTemplate.toString(), 1);
        assertThat(version.getId()).isEqualTo(smsTemplate);
        assertThat(version.getVersion()).isEqualTo(1);
        assertThat(version.getName()).isEqualTo("sms");

        TemplateList all = client.getAllTemplates("");
        assertThat(all.getTemplates()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(client.getAllTemplates("email").getTemplates()).hasSize(1);

        TemplatePreview preview = client.generateTemplatePreview(emailTemplate.toString(), Map.of("name", "Jo"));
        assertThat(preview.getId()).isEqualTo(emailTemplate);
        assertThat(preview.getBody()).contains("Jo");
        assertThat(preview.getSubject()).contains("Subject Jo");
        assertThat(preview.getHtml()).isPresent();
    }

    @Test
    void receivedTextMessages() throws Exception {
        ReceivedTextMessageList texts = client.getReceivedTextMessages(null);
        assertThat(texts.getReceivedTextMessages()).hasSize(2);
        assertThat(texts.getCurrentPageLink()).isNotNull();
        ReceivedTextMessage first = texts.getReceivedTextMessages().get(0);
        assertThat(first.getContent()).isEqualTo("two");
        assertThat(first.getServiceId()).isEqualTo(service.id());
        assertThat(first.getCreatedAt()).isNotNull();
        ReceivedTextMessageList older = client.getReceivedTextMessages(first.getId().toString());
        assertThat(older.getReceivedTextMessages()).extracting(ReceivedTextMessage::getContent).containsExactly("one");
    }

    static void assertNotification(Notification n, String type) {
        assertThat(n.getId()).isNotNull();
        assertThat(n.getTemplateId()).isNotNull();
        assertThat(n.getTemplateUri()).isNotNull();
        assertThat(n.getCreatedAt()).isNotNull();
        assertThat(n.getStatus()).isIn("created", "sending", "delivered");
        assertThat(n.getNotificationType()).isEqualTo(type);
        assertThat(n.getCreatedByName()).isEmpty();
        assertThat(n.getLine1()).isEmpty();
        assertThat(n.getPostcode()).isEmpty();
        assertThat(n.getPostage()).isEmpty();
        if ("sms".equals(type)) {
            assertThat(n.getPhoneNumber()).isPresent();
            assertThat(n.getSubject()).isEmpty();
            assertThat(n.getEmailAddress()).isEmpty();
        } else {
            assertThat(n.getEmailAddress()).isPresent();
            assertThat(n.getSubject()).isPresent();
            assertThat(n.getPhoneNumber()).isEmpty();
        }
    }
}
