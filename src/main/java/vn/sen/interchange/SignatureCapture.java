package vn.sen.interchange;

import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The {@code Signature} element of a message taken from the stream into a small DOM, the namespaces in
 * scope where it stood declared on a wrapper around it (inclusive canonicalization of its
 * {@code SignedInfo} renders them), to be verified once the message's digest is known.
 */
final class SignatureCapture {

    private static final int MAX_ELEMENTS = 200;

    private final Document document;
    private final Element wrapper;
    private Element signature;

    SignatureCapture(Map<String, String> inScope) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        wrapper = document.createElementNS(null, "header"); // stands for the ancestors: their namespaces only
        inScope.forEach((prefix, uri) -> declare(wrapper, prefix, uri));
        document.appendChild(wrapper);
    }

    /** Reads the reader's current {@code Signature} element, up to its end, into the DOM. */
    void capture(XMLStreamReader xml) throws XMLStreamException {
        Node parent = wrapper;
        int depth = 0;
        int elements = 0;
        int event = XMLStreamConstants.START_ELEMENT;
        do {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++elements > MAX_ELEMENTS) {
                        throw new EdxmlException("edXMLHeader/Signature", "more than " + MAX_ELEMENTS + " elements");
                    }
                    String prefix = xml.getPrefix() == null ? "" : xml.getPrefix();
                    Element element = document.createElementNS(
                            xml.getNamespaceURI(),
                            prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName());
                    for (int i = 0; i < xml.getNamespaceCount(); i++) {
                        declare(
                                element,
                                xml.getNamespacePrefix(i) == null ? "" : xml.getNamespacePrefix(i),
                                xml.getNamespaceURI(i) == null ? "" : xml.getNamespaceURI(i));
                    }
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String attributePrefix = xml.getAttributePrefix(i);
                        String local = xml.getAttributeLocalName(i);
                        element.setAttributeNS(
                                xml.getAttributeNamespace(i) == null
                                                || xml.getAttributeNamespace(i).isEmpty()
                                        ? null
                                        : xml.getAttributeNamespace(i),
                                attributePrefix == null || attributePrefix.isEmpty()
                                        ? local
                                        : attributePrefix + ":" + local,
                                xml.getAttributeValue(i));
                    }
                    parent.appendChild(element);
                    if (signature == null) {
                        signature = element;
                    }
                    parent = element;
                    depth++;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (xml.getTextLength() > 1 << 20) {
                        throw new EdxmlException("edXMLHeader/Signature", "a text longer than 1 MB");
                    }
                    parent.appendChild(document.createTextNode(xml.getText()));
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    parent = parent.getParentNode();
                    depth--;
                }
                default -> {
                    // comments and processing instructions are not part of the signature
                }
            }
            if (depth > 0) {
                event = xml.next();
            }
        } while (depth > 0);
    }

    Element element() {
        return signature;
    }

    /** The JDK name of the digest its reference uses, or null when it names none Sen verifies. */
    String digestAlgorithm() {
        var methods = signature.getElementsByTagNameNS(XmlSignatures.DSIG, "DigestMethod");
        return methods.getLength() == 1
                ? XmlSignatures.digestAlgorithm(((Element) methods.item(0)).getAttribute("Algorithm"))
                : null;
    }

    private static void declare(Element element, String prefix, String uri) {
        element.setAttributeNS(
                XMLConstants.XMLNS_ATTRIBUTE_NS_URI, prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri);
    }
}
