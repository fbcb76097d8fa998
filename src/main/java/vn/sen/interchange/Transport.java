package vn.sen.interchange;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * How this installation reaches a hub or the national axis (kênh truyền nhận, SPI): send a message to
 * organisation codes, list and fetch what waits, acknowledge it, read the directory's changes. Sen ships
 * the axis protocol ({@link AxisClient}, {@code axis}), which the national axis and Sen's own hub speak;
 * a provincial hub with a REST facade of its own gets another implementation and its {@link Factory}
 * bean, chosen per connection by name ({@code sen.interchange.transport},
 * {@code sen.interchange.upstream-transport}).
 */
interface Transport {

    /** A message waiting for this system. */
    record Waiting(String docId, String from, String to, String messageType) {}

    /** The hub refused a call, or could not be reached. */
    final class TransportException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TransportException(String message) {
            super(message);
        }

        TransportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Sends a message file from {@code from} to {@code to}; returns the hub's id of it. */
    String send(Path message, String from, List<String> to, String messageType);

    /** Sends the message {@code body} opens, from {@code from} to {@code to}; returns the hub's id of it. */
    String send(Supplier<InputStream> body, String from, List<String> to, String messageType);

    /** The messages waiting for this system. */
    List<Waiting> received();

    /** Writes the message {@code docId} into {@code out} as it arrives. */
    void fetch(String docId, OutputStream out);

    /** Acknowledges a fetched message: {@code done}, {@code fail} or {@code processing}. */
    void acknowledge(String docId, String status);

    /** What changed in the hub's agency directory after {@code version}, oldest change first. */
    List<AgencyDirectory.Agency> synchronize(long version);

    /** Makes the connections of one protocol. */
    interface Factory {

        /** The protocol's name in the settings, e.g. {@code axis}. */
        String name();

        Transport connect(URI url, String systemId, String secret, Clock clock);
    }
}
