package org.notifyoncamel.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.http.AdminError;
import org.springframework.mock.web.MockHttpServletRequest;

/** HTTP Basic on the inbound endpoints: no credentials 401, wrong ones 403 (inbound-sms.md 3.1, 3.3). */
class InboundSmsAuthTest {

    final InboundSmsAuth auth = new InboundSmsAuth(List.of("username", "other-user"), List.of("testkey", "rotated-key"), List.of("ft-key"));

    static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/notifications/sms/receive/mmg");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    static MockHttpServletRequest basic(String user, String password) {
        return request("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void mmgAcceptsAnyConfiguredUsernameWithAnyConfiguredPassword() {
        assertThatCode(() -> auth.mmg(basic("username", "testkey"))).doesNotThrowAnyException();
        assertThatCode(() -> auth.mmg(basic("other-user", "testkey"))).doesNotThrowAnyException();
        assertThatCode(() -> auth.mmg(basic("username", "rotated-key"))).doesNotThrowAnyException();
    }

    @Test
    void wrongMmgCredentialsAre403() {
        assertStatus(() -> auth.mmg(basic("username", "wrong")), 403, InboundSmsAuth.WRONG);
        assertStatus(() -> auth.mmg(basic("wrong", "testkey")), 403, InboundSmsAuth.WRONG);
        assertStatus(() -> auth.mmg(basic("username", "")), 403, InboundSmsAuth.WRONG);
    }

    @Test
    void firetextNeedsTheUsernameNotify() {
        assertThatCode(() -> auth.firetext(basic("notify", "ft-key"))).doesNotThrowAnyException();
        assertStatus(() -> auth.firetext(basic("username", "ft-key")), 403, InboundSmsAuth.WRONG);
        assertStatus(() -> auth.firetext(basic("notify", "testkey")), 403, InboundSmsAuth.WRONG);
    }

    @Test
    void missingOrUnreadableCredentialsAre401WithABearerChallenge() {
        for (String header : new String[] {null, "Bearer abc", "Basic", "Basic !!!not-base64!!!", "Basic "
                + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))}) {
            assertThatThrownBy(() -> auth.mmg(request(header))).as(String.valueOf(header)).isInstanceOfSatisfying(AdminError.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.payload()).isEqualTo(InboundSmsAuth.MISSING);
                assertThat(e.headers()).containsEntry("WWW-Authenticate", "Bearer");
            });
        }
    }

    @Test
    void emptyListsRefuseEverything() {
        InboundSmsAuth none = new InboundSmsAuth(List.of(), List.of(), List.of());
        assertStatus(() -> none.mmg(basic("username", "testkey")), 403, InboundSmsAuth.WRONG);
        assertStatus(() -> none.firetext(basic("notify", "testkey")), 403, InboundSmsAuth.WRONG);
    }

    static void assertStatus(Runnable call, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AdminError.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.payload()).isEqualTo(message);
        });
    }
}
