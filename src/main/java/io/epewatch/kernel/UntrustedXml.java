package io.epewatch.kernel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * XML from cameras and edge devices is untrusted: a DOCTYPE is refused outright, so no external entity (XXE) is fetched and no entity
 * expansion ("billion laughs") happens; the size is capped before parsing.
 * <p>
 * It is also sloppy: gSOAP firmware sends prefixes it never declares and typographic quotes in the XML declaration.
 * So the declaration is dropped (ONVIF is UTF-8), parsing is namespace-unaware, and elements are found by local name.
 */
public final class UntrustedXml {

    public static final int MAX_BYTES = 1024 * 1024;

    private UntrustedXml() {
    }

    /** @throws IllegalArgumentException saying why the XML cannot be read */
    public static Document parse(byte[] xml) {
        requireSize(xml);
        return build(withoutDeclaration(xml));
    }

    /**
     * For what is stored (ingest): the text must be valid in the encoding its declaration names (UTF-8 when it names
     * none), or it is refused rather than stored with replacement characters.
     *
     * @throws IllegalArgumentException saying why the XML cannot be read
     */
    public static Document parseStrict(byte[] xml) {
        requireSize(xml);
        String head = new String(xml, 0, Math.min(xml.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(head);
        Charset charset = StandardCharsets.UTF_8;
        if (declared.find()) {
            try {
                charset = Charset.forName(declared.group(1));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("declares an encoding this server does not know: " + declared.group(1));
            }
        }
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(xml)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not valid " + charset.name() + " text");
        }
        return build(withoutDeclaration(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"'\u201C\u201D\u2018\u2019]?([A-Za-z0-9._-]+)");

    /** The size is capped before anything is decoded or parsed. */
    private static void requireSize(byte[] xml) {
        if (xml.length > MAX_BYTES) {
            throw new IllegalArgumentException("larger than " + MAX_BYTES + " bytes");
        }
    }

    private static Document build(byte[] withoutDeclaration) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(withoutDeclaration));
        } catch (SAXException e) {
            throw new IllegalArgumentException("malformed or unsafe XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalArgumentException("XML could not be read: " + e.getMessage());
        }
    }

    /** The first element with this local name anywhere below {@code from}, whatever its namespace prefix. */
    public static Element first(Node from, String localName) {
        List<Element> found = all(from, localName);
        return found.isEmpty() ? null : found.getFirst();
    }

    public static List<Element> all(Node from, String localName) {
        List<Element> found = new ArrayList<>();
        if (from == null) {
            return found;
        }
        NodeList elements = from instanceof Document document ? document.getElementsByTagName("*")
                : ((Element) from).getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            String tag = elements.item(i).getNodeName();
            if (tag.equals(localName) || tag.endsWith(":" + localName)) {
                found.add((Element) elements.item(i));
            }
        }
        return found;
    }

    private static byte[] withoutDeclaration(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8).replaceFirst("^\\uFEFF", "");
        String stripped = text.stripLeading();
        if (stripped.startsWith("<?xml")) {
            int end = stripped.indexOf("?>");
            if (end > 0) {
                return stripped.substring(end + 2).getBytes(StandardCharsets.UTF_8);
            }
        }
        return xml;
    }

    public static String text(Node from, String localName) {
        Element element = first(from, localName);
        return element == null ? null : element.getTextContent().strip();
    }
}
