package sen;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The personal inbox ("chờ xử lý", first page, with the counters of every view) on a province with
 * 2,000,000 documents: officers who hold documents open it at a fixed total rate, beside the trivial
 * endpoint.
 */
public class InboxSimulation extends Simulation {
    {
        var officers = scenario("officers reading their inbox")
                .exec(Officers.LOGIN)
                .forever()
                .on(pace(Officers.PACE)
                        .exec(http("inbox").get("/documents/inbox?view=PENDING").check(status().is(200), substring("inbox")))
                        .exec(Officers.TRIVIAL));
        setUp(officers.injectClosed(Officers.arrivals()))
                .protocols(Officers.PROTOCOL)
                .maxDuration(Duration.ofSeconds(Officers.SECONDS));
    }
}
