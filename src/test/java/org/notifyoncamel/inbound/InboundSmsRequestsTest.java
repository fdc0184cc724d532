package org.notifyoncamel.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.http.AdminError;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The providers' payloads read into ReceivedTexts (inbound-sms.md 3.1 to 3.4). */
class InboundSmsRequestsTest {

    final InboundSmsRequests requests = new InboundSmsRequests(new ObjectMapper(), InboundNumbersTest.PHONES, InboundNumbersTest.CLOCK);

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void mmgJsonIsDecoded() {
        ReceivedText text = requests.mmg(bytes("""
                {"MSISDN": "447123456789", "Number": "447700900999", "Message": "Hi+there+%F0%9F%93%A9+1%2B1%3D2",
                 "ID": "SOME-MMG-SPECIFIC-ID", "DateRecieved": "2017-05-21+11%3A56%3A11"}"""));
        assertThat(text.provider()).isEqualTo("mmg");
        assertThat(text.notifyNumber()).isEqualTo("07700900999");
        assertThat(text.userNumber()).isEqualTo("447123456789");
        assertThat(text.content()).isEqualTo("Hi there \uD83D\uDCE9 1+1=2");
        assertThat(text.providerReference()).isEqualTo("SOME-MMG-SPECIFIC-ID");
        assertThat(text.providerDate()).isEqualTo(LocalDateTime.of(2017, 5, 21, 11, 56, 11));
        assertThat(text.toString()).doesNotContain("Hi").doesNotContain("447123456789");
    }

    @Test
    void mmgNumbersMayBeJsonNumbersAndTheDateIsOptional() {
        ReceivedText text = requests.mmg(bytes("{\"MSISDN\": 447123456789, \"Number\": 40604, \"Message\": \"\", \"ID\": 12}"));
        assertThat(text.notifyNumber()).isEqualTo("40604");
        assertThat(text.userNumber()).isEqualTo("447123456789");
        assertThat(text.content()).isEmpty();
        assertThat(text.providerReference()).isEqualTo("12");
        assertThat(text.providerDate()).isNull();
    }

    @Test
    void malformedMmgBodiesAre400sNamingTheProblem() {
        assertBadRequest(() -> requests.mmg(bytes("not json")), "MMG inbound SMS: the body is not JSON");
        assertBadRequest(() -> requests.mmg(bytes("[1]")), "MMG inbound SMS: the body must be a JSON object");
        assertBadRequest(() -> requests.mmg(new byte[0]), "MMG inbound SMS: the body must be a JSON object");
        assertBadRequest(() -> requests.mmg(bytes("{\"Message\": \"x\", \"Number\": null}")), "MMG inbound SMS: missing Number, MSISDN, ID");
        assertThatThrownBy(() -> requests.mmg(bytes("{\"MSISDN\": \"1\", \"Number\": \"2\", \"Message\": \"broken%5C\", \"ID\": \"3\"}")))
                .isInstanceOfSatisfying(AdminError.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void firetextFormIsTakenAsItIs() {
        ReceivedText text = requests.firetext(Map.of("source", List.of("07999999999"), "destination", List.of("447111111111"),
                "message", List.of("this%20is+a%5Cn message"), "time", List.of("2017-01-01%2012%3A00%3A00")));
        assertThat(text.provider()).isEqualTo("firetext");
        assertThat(text.notifyNumber()).isEqualTo("07111111111");
        assertThat(text.userNumber()).isEqualTo("447999999999");
        assertThat(text.content()).isEqualTo("this is a\\n message");
        assertThat(text.providerReference()).isNull();
        assertThat(text.providerDate()).isEqualTo(LocalDateTime.of(2017, 1, 1, 12, 0));
    }

    @Test
    void aRawFiretextBodyIsParsedToo() {
        ReceivedText text = requests.firetext(bytes("source=07999999999&destination=07111111111&message=caf%C3%A9+%2B+tea"));
        assertThat(text.content()).isEqualTo("caf\u00e9 + tea");
        assertThat(text.providerDate()).isNull();
    }

    @Test
    void aMissingFiretextFieldIsA400() {
        assertBadRequest(() -> requests.firetext(bytes("source=07999999999&message=hi")), "Firetext inbound SMS: missing destination");
    }

    static void assertBadRequest(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AdminError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.payload()).isEqualTo(message);
        });
    }
}
