package sen;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Working sessions: each of 100 officers signs in, opens {@code pages} pages at the given pace (home page
 * and the trivial endpoint), signs out and signs in again — so sign-ins are measured while 100 officers
 * are at work. {@code -Dpages=0} makes it a sign-in storm: every officer signs in once per pace.
 */
public class LoginSimulation extends Simulation {
    {
        var officers = scenario("officers signing in and out")
                .forever()
                .on(pace(Officers.PACE)
                        .exec(Officers.LOGIN, Officers.HOME, Officers.TRIVIAL)
                        .repeat(Math.max(Officers.PAGES - 1, 0))
                        .on(pace(Officers.PACE).exec(Officers.HOME, Officers.TRIVIAL))
                        .exec(Officers.LOGOUT));
        setUp(officers.injectClosed(Officers.arrivals()))
                .protocols(Officers.PROTOCOL)
                .maxDuration(Duration.ofSeconds(Officers.SECONDS));
    }
}
