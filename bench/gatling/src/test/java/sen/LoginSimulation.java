package sen;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** 100 officers signing in again and again (login page, login, home), beside the trivial endpoint. */
public class LoginSimulation extends Simulation {
    {
        var officers = scenario("officers signing in")
                .forever()
                .on(pace(Officers.PACE).exec(Officers.LOGIN, Officers.HOME, Officers.TRIVIAL));
        setUp(officers.injectClosed(Officers.arrivals()))
                .protocols(Officers.PROTOCOL)
                .maxDuration(Duration.ofSeconds(Officers.SECONDS));
    }
}
