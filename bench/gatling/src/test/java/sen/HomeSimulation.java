package sen;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** Monday morning: 100 signed-in officers opening the home page, beside the trivial endpoint. */
public class HomeSimulation extends Simulation {
    {
        var officers = scenario("officers at work")
                .exec(Officers.LOGIN)
                .forever()
                .on(pace(Officers.PACE).exec(Officers.HOME, Officers.TRIVIAL));
        setUp(officers.injectClosed(Officers.arrivals()))
                .protocols(Officers.PROTOCOL)
                .maxDuration(Duration.ofSeconds(Officers.SECONDS));
    }
}
