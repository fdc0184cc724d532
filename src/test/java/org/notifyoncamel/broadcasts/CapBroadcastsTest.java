package org.notifyoncamel.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.http.ApiError;

public class CapBroadcastsTest {

    public static final String POLYGON = "53.10569,0.24453 53.10593,0.24430 53.10601,0.24460 53.10569,0.24453";

    public static String cap(String declaration, String info) {
        return declaration + """
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>50385fcb0ab7aa447bbd46d848ce8466E</identifier>
                  <sender>www.gov.uk/environment-agency</sender>
                  <sent>2020-02-16T23:01:13-00:00</sent>
                  <status>Actual</status>
                  <msgType>Alert</msgType>
                  <scope>Public</scope>
                """ + info + "</alert>";
    }

    public static String info(String category, String description, String areas) {
        return "<info><language>en-GB</language><category>" + category + "</category><event>Flood</event>"
                + "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty>"
                + "<expires>2020-02-17T23:01:13-00:00</expires>"
                + (description == null ? "" : "<description>" + description + "</description>") + areas + "</info>";
    }

    public static String area(String name, String... polygons) {
        StringBuilder out = new StringBuilder("<area><areaDesc>" + name + "</areaDesc>");
        for (String polygon : polygons) {
            out.append("<polygon>").append(polygon).append("</polygon>");
        }
        return out.append("</area>").toString();
    }

    final CapBroadcasts cap = new CapBroadcasts();

    CapBroadcasts.CapBroadcast parse(String xml) {
        return cap.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void extractsReferenceCategoryContentAndAreas() {
        CapBroadcasts.CapBroadcast broadcast = parse(cap("", info("Met", "A severe flood warning", area("River Steeping", POLYGON))));
        assertThat(broadcast.reference()).isEqualTo("50385fcb0ab7aa447bbd46d848ce8466E");
        assertThat(broadcast.category()).isEqualTo("Met");
        assertThat(broadcast.content()).isEqualTo("A severe flood warning");
        assertThat(broadcast.expires()).isEqualTo("2020-02-17T23:01:13-00:00");
        assertThat(broadcast.areaNames()).containsExactly("River Steeping");
        assertThat(broadcast.allPolygons().get(0).get(0)).containsExactly(53.10569, 0.24453);
    }

    @Test
    void anXmlDeclarationWithAnEncodingIsAccepted() {
        String xml = cap("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", info("Met", "Llifogydd ŵ", area("Wainfleet", POLYGON)));
        assertThat(parse(xml).content()).isEqualTo("Llifogydd ŵ");
        String latin1 = cap("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n", info("Met", "Café", area("Wainfleet", POLYGON)));
        assertThat(cap.parse(latin1.getBytes(StandardCharsets.ISO_8859_1)).content()).isEqualTo("Café");
    }

    @Test
    void anythingThatIsNotCapIsA400() {
        for (String body : List.of("", "not xml", "<alert/>", cap("", "<info><category>Met</category></info>"),
                "<!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + cap("", ""),
                cap("", info("Weather", "x", area("A", POLYGON))))) {
            assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(ApiError.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errors().get(0).error()).isEqualTo("BadRequestError");
                assertThat(e.errors().get(0).message()).isEqualTo("Request data is not valid CAP XML");
            });
        }
    }

    @Test
    void contentRules() {
        assertValidation(cap("", info("Met", "x".repeat(1396), area("A", POLYGON))), "content " + "x".repeat(1396) + " is too long");
        assertThat(parse(cap("", info("Met", "x".repeat(1395), area("A", POLYGON)))).content()).hasSize(1395);
        assertValidation(cap("", info("Met", "", area("A", POLYGON))), "content  is too short");
        assertValidation(cap("", info("Met", null, area("A", POLYGON))), "content is a required property");
    }

    @Test
    void areaAndPolygonRules() {
        assertValidation(cap("", info("Met", "x", "")), "areas [] is too short");
        assertValidation(cap("", info("Met", "x", area("A", "53.1,0.2 53.2,0.3 53.1,0.2"))),
                "areas [[53.1, 0.2], [53.2, 0.3], [53.1, 0.2]] is not valid under any of the given schemas");
        assertValidation(cap("", info("Met", "x", area("A", "53.1,0.2 53.2,north 53.3,0.3 53.1,0.2"))),
                "areas 53.1,0.2 53.2,north 53.3,0.3 53.1,0.2 is not valid under any of the given schemas");
        assertValidation(cap("", info("Met", "x", area("A", "53.1,0.2,9 53.2,0.3 53.3,0.3 53.1,0.2"))),
                "areas 53.1,0.2,9 53.2,0.3 53.3,0.3 53.1,0.2 is not valid under any of the given schemas");
        // surrounding or doubled spaces are tolerated (the original answered 500)
        assertThat(parse(cap("", info("Met", "x", area("A", "  " + POLYGON.replace(" ", "  ") + "\n")))).allPolygons().get(0)).hasSize(4);
    }

    @Test
    void simplePolygonsUnionOverlappingAreasAndKeepCoordinateOrder() {
        List<List<List<Double>>> a = List.of(List.of(List.of(53.0, 0.0), List.of(53.0, 0.1), List.of(53.1, 0.1), List.of(53.1, 0.0)));
        List<List<List<Double>>> b = List.of(List.of(List.of(53.05, 0.05), List.of(53.05, 0.15), List.of(53.15, 0.15), List.of(53.15, 0.05)));
        List<List<List<Double>>> union = CapBroadcasts.simplePolygons(List.of(a.get(0), b.get(0)));
        assertThat(union).hasSize(1);
        List<List<Double>> ring = union.get(0);
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
        assertThat(ring).allSatisfy(p -> {
            assertThat(p.get(0)).isBetween(52.99, 53.16);
            assertThat(p.get(1)).isBetween(-0.01, 0.16);
        });
        List<List<List<Double>>> apart = List.of(a.get(0), List.of(List.of(54.0, 1.0), List.of(54.0, 1.1), List.of(54.1, 1.1), List.of(54.1, 1.0)));
        assertThat(CapBroadcasts.simplePolygons(apart)).hasSize(2);
    }

    @Test
    void contentTypeMustBeExactlyCapXml() {
        CapBroadcasts.checkContentType("application/cap+xml");
        for (String type : new String[] {"application/json", "application/cap+xml; charset=utf-8", null}) {
            assertThatThrownBy(() -> CapBroadcasts.checkContentType(type)).isInstanceOfSatisfying(ApiError.class, e -> {
                assertThat(e.status()).isEqualTo(415);
                assertThat(e.errors().get(0).message()).isEqualTo("Content type " + (type == null ? "None" : type) + " not supported");
            });
        }
    }

    @Test
    void payloadHelpers() {
        assertThat(CbcPayloads.messageNumber(123)).isEqualTo("0000007b");
        assertThat(CbcPayloads.capTime(java.time.Instant.parse("2021-02-05T12:19:44.123456Z"))).isEqualTo("2021-02-05T12:19:44-00:00");
        assertThat(CbcPayloads.isWelsh("Rhybudd ŵ")).isTrue();
        assertThat(CbcPayloads.isWelsh("Flood é")).isFalse();
    }

    private void assertValidation(String xml, String message) {
        assertThatThrownBy(() -> parse(xml)).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).extracting(ApiError.Entry::message).contains(message);
            assertThat(e.errors()).extracting(ApiError.Entry::error).containsOnly("ValidationError");
        });
    }
}
