package vn.sen.interchange;

import java.io.Serial;

/**
 * An edXML message that cannot be read or built (gói tin edXML không hợp lệ): which element, what is
 * wrong, and where in the file — one line, to show as it is.
 */
public class EdxmlException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String path;

    public EdxmlException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
    }

    public EdxmlException(String path, String problem, Throwable cause) {
        super(path.isEmpty() ? problem : path + ": " + problem, cause);
        this.path = path;
    }

    /** The element the problem is in, e.g. {@code edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Code}. */
    public String path() {
        return path;
    }
}
