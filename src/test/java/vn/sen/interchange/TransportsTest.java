package vn.sen.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each connection is made by the transport its settings name; an unknown one stops the start, saying which exist. */
class TransportsTest {

    @Test
    void each_connection_uses_the_transport_its_settings_name() {
        var counting = new java.util.concurrent.atomic.AtomicInteger();
        Transport.Factory recording = new Transport.Factory() {
            @Override
            public String name() {
                return "recording"; // as a provincial hub's own REST facade would be
            }

            @Override
            public Transport connect(URI url, String systemId, String secret, Clock clock) {
                counting.incrementAndGet();
                assertThat(url).hasToString("https://trucquocgia.example/axis/");
                assertThat(systemId).isEqualTo("lgsp-an-giang");
                return new AxisClient(url, systemId, secret, Duration.ofSeconds(1), clock);
            }
        };
        new Transports(
                properties("axis", "recording"), List.of(new AxisClient.Factory(), recording), Clock.systemUTC());
        assertThat(counting).as("the upstream connection only").hasValue(1);
    }

    @Test
    void an_unknown_transport_stops_the_start_with_the_names_there_are() {
        assertThatThrownBy(() -> new Transports(
                        properties("vnpt-ioffice", "axis"), List.of(new AxisClient.Factory()), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sen.interchange: no transport 'vnpt-ioffice' (there are: axis)");
    }

    private static InterchangeProperties properties(String transport, String upstreamTransport) {
        return new InterchangeProperties(
                null,
                null,
                null,
                URI.create("https://lgsp.example/axis/"),
                "sen-an-giang",
                "secret-of-the-province-1",
                null,
                12,
                null,
                null,
                URI.create("https://trucquocgia.example/axis/"),
                "lgsp-an-giang",
                "secret-of-the-lgsp-1",
                transport,
                upstreamTransport);
    }
}
