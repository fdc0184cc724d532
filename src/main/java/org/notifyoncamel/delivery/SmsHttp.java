package org.notifyoncamel.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** What the SMS provider clients share: no response at all is a 504 "Gateway Time-out", as in the original. */
final class SmsHttp {

    private SmsHttp() {
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request, String provider) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProviderException(provider, 504, "Gateway Time-out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(provider, 504, "Gateway Time-out");
        }
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
