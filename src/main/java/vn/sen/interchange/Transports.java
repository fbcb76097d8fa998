package vn.sen.interchange;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The connections of this installation, each made by the {@link Transport.Factory} its settings name:
 * to its hub ({@code sen.interchange.hub-url}, {@code transport}) and, for a hub that forwards, to the
 * national axis ({@code upstream-url}, {@code upstream-transport}). An unknown protocol stops the start
 * with the names there are.
 */
@Component
class Transports {

    private final Transport connection;
    private final Transport upstream;

    Transports(InterchangeProperties properties, List<Transport.Factory> factories, Clock clock) {
        this.connection = properties.connected()
                ? factory(factories, properties.transport())
                        .connect(properties.hubUrl(), properties.systemId(), properties.secret(), clock)
                : null;
        this.upstream = properties.forwards()
                ? factory(factories, properties.upstreamTransport())
                        .connect(
                                properties.upstreamUrl(),
                                properties.upstreamSystemId(),
                                properties.upstreamSecret(),
                                clock)
                : null;
    }

    /** The connection to this installation's hub, or null when it has none. */
    Transport connection() {
        return connection;
    }

    /** The hub's connection to the national axis, or null when it does not forward. */
    Transport upstream() {
        return upstream;
    }

    private static Transport.Factory factory(List<Transport.Factory> factories, String name) {
        return factories.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("sen.interchange: no transport '" + name + "' (there are: "
                        + factories.stream().map(Transport.Factory::name).collect(Collectors.joining(", "))
                        + ")"));
    }
}
