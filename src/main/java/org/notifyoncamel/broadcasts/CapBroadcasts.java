package org.notifyoncamel.broadcasts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.templates.PythonValues;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a CAP 1.2 alert for {@code POST /v2/broadcast} (public-api.md 5.12): the content type,
 * the document's structure, the extracted reference, category, content and areas, and their
 * rules. The body is parsed as bytes, so an XML declaration with an {@code encoding} is accepted
 * (the original answered 500). Malformed polygons are 400s, never 500s.
 */
@Component("capBroadcasts")
public class CapBroadcasts {

    public static final String CONTENT_TYPE = "application/cap+xml";
    public static final String CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final List<String> CATEGORIES = List.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env",
            "Transport", "Infra", "CBRNE", "Other");
    public static final int MAX_CONTENT_LENGTH = 1395;
    /** Smoothing (buffer out and back in) and simplification, in the coordinates' own units (degrees). */
    static final double SMOOTHING = 0.0005;
    static final double SIMPLIFICATION = 0.0002;

    /** A named area and its polygons, each a list of [a, b] pairs in the order the CAP document gives. */
    public record Area(String name, List<List<List<Double>>> polygons) {
    }

    /** What is taken from the alert: identifier (reference), category, expires (ignored), description, areas. */
    public record CapBroadcast(String reference, String category, String expires, String content, List<Area> areas) {
        public List<String> areaNames() {
            return areas.stream().map(Area::name).toList();
        }

        public List<List<List<Double>>> allPolygons() {
            return areas.stream().flatMap(a -> a.polygons().stream()).toList();
        }
    }

    private final Schema schema;

    public CapBroadcasts() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            this.schema = factory.newSchema(CapBroadcasts.class.getResource("/broadcasts/cap-1.2.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("The CAP 1.2 schema does not load", e);
        }
    }

    /** The content type must be exactly application/cap+xml (415 otherwise, naming what was sent or None). */
    public static void checkContentType(String contentType) {
        if (!CONTENT_TYPE.equals(contentType)) {
            throw new ApiError(415, "BadRequestError", "Content type " + (contentType == null ? "None" : contentType) + " not supported");
        }
    }

    /** Parses, validates against CAP 1.2, extracts and checks the broadcast rules. */
    public CapBroadcast parse(byte[] body) {
        Document document = validDocument(body);
        Element alert = document.getDocumentElement();
        Element info = child(alert, "info");
        String reference = text(child(alert, "identifier"));
        String category = info == null ? null : text(child(info, "category"));
        String expires = info == null ? null : text(child(info, "expires"));
        String content = info == null ? null : text(child(info, "description"));

        BroadcastSchema errors = BroadcastSchema.start();
        List<Area> areas = new ArrayList<>();
        if (info != null) {
            for (Element area : children(info, "area")) {
                List<List<List<Double>>> polygons = new ArrayList<>();
                for (Element polygon : children(area, "polygon")) {
                    List<List<Double>> pairs = pairs(text(polygon));
                    if (pairs == null || pairs.size() < 4) {
                        errors.add("areas " + PythonValues.repr(pairs == null ? text(polygon) : pairs)
                                + " is not valid under any of the given schemas");
                    } else {
                        polygons.add(pairs);
                    }
                }
                if (children(area, "polygon").isEmpty()) {
                    errors.add("areas " + PythonValues.repr(java.util.Map.of("name", text(child(area, "areaDesc")), "polygons", List.of()))
                            + " is not valid under any of the given schemas");
                }
                areas.add(new Area(text(child(area, "areaDesc")), polygons));
            }
        }
        if (category != null && !CATEGORIES.contains(category)) {
            errors.add("category " + PythonValues.repr(category) + " is not one of " + PythonValues.repr(CATEGORIES));
        }
        if (content != null) {
            int length = content.codePointCount(0, content.length());
            if (length < 1) {
                errors.add("content " + PythonValues.repr(content) + " is too short");
            } else if (length > MAX_CONTENT_LENGTH) {
                errors.add("content " + PythonValues.repr(content) + " is too long");
            }
        }
        if (info != null && areas.isEmpty()) {
            errors.add("areas [] is too short");
        }
        if (category == null) {
            errors.add("category is a required property");
        }
        if (content == null) {
            errors.add("content is a required property");
        }
        if (info == null) {
            errors.add("areas is a required property");
        }
        errors.throwIfAny();
        return new CapBroadcast(reference, category, expires, content, areas);
    }

    /**
     * The polygons a broadcast is sent with: all areas' polygons unioned, smoothed and simplified,
     * coordinates kept in the order they came in (CAP's lat,lon).
     */
    public static List<List<List<Double>>> simplePolygons(List<List<List<Double>>> polygons) {
        GeometryFactory factory = new GeometryFactory();
        List<Geometry> shapes = new ArrayList<>();
        for (List<List<Double>> polygon : polygons) {
            List<Coordinate> ring = new ArrayList<>();
            polygon.forEach(pair -> ring.add(new Coordinate(pair.get(0), pair.get(1))));
            if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) {
                ring.add(new Coordinate(ring.get(0)));
            }
            if (ring.size() < 4) {
                continue;
            }
            // buffer(0) repairs self-intersecting rings
            shapes.add(factory.createPolygon(ring.toArray(Coordinate[]::new)).buffer(0));
        }
        if (shapes.isEmpty()) {
            return List.of();
        }
        Geometry union = factory.buildGeometry(shapes).union();
        Geometry smooth = union.buffer(SMOOTHING).buffer(-SMOOTHING);
        Geometry simple = TopologyPreservingSimplifier.simplify(smooth.isEmpty() ? union : smooth, SIMPLIFICATION);
        List<List<List<Double>>> out = new ArrayList<>();
        for (int i = 0; i < simple.getNumGeometries(); i++) {
            if (simple.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                List<List<Double>> ring = new ArrayList<>();
                for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
                    ring.add(List.of(round(c.x), round(c.y)));
                }
                out.add(ring);
            }
        }
        return out;
    }

    private Document validDocument(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            Document document = builder.parse(new ByteArrayInputStream(body == null ? new byte[0] : body));
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(document));
            return document;
        } catch (SAXException | IOException e) {
            throw ApiError.badRequest("Request data is not valid CAP XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser configuration", e);
        }
    }

    /** "lat,lon lat,lon ..." as number pairs; null when a pair is not two numbers. */
    static List<List<Double>> pairs(String polygon) {
        if (polygon == null || polygon.isBlank()) {
            return null;
        }
        List<List<Double>> pairs = new ArrayList<>();
        for (String pair : polygon.strip().split("\\s+")) {
            String[] numbers = pair.split(",", -1);
            if (numbers.length != 2) {
                return null;
            }
            try {
                double a = Double.parseDouble(numbers[0]);
                double b = Double.parseDouble(numbers[1]);
                if (!Double.isFinite(a) || !Double.isFinite(b)) {
                    return null;
                }
                pairs.add(List.of(a, b));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return pairs;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && CAP_NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent();
    }
}
