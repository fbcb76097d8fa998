package sen;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Typical searches, with and without diacritics, on a province with 2,000,000 documents: each officer
 * searches once per pace, beside the trivial endpoint.
 */
public class SearchSimulation extends Simulation {
    {
        FeederBuilder<String> queries = csv("queries.csv").random();
        var officers = scenario("officers searching")
                .exec(Officers.LOGIN)
                .forever()
                .on(pace(Officers.PACE)
                        .feed(queries)
                        .exec(http("search #{kind}").get("/search").queryParam("q", "#{q}").check(status().is(200)))
                        .exec(Officers.TRIVIAL));
        setUp(officers.injectClosed(Officers.arrivals()))
                .protocols(Officers.PROTOCOL)
                .maxDuration(Duration.ofSeconds(Officers.SECONDS));
    }
}
