package sen;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/** What the officer scenarios share: the target, the accounts and the login steps. */
final class Officers {

    static final int USERS = Integer.getInteger("users", 100);
    static final int SECONDS = Integer.getInteger("seconds", 60);

    /**
     * Each officer acts once per {@code pace} milliseconds (1 s by default: a busy officer clicking
     * every second); 0 removes the think time and measures the server's saturation capacity instead.
     */
    static final Duration PACE = Duration.ofMillis(Long.getLong("pace", 1000));

    static final HttpProtocolBuilder PROTOCOL = http.baseUrl(System.getProperty("baseUrl", "http://localhost:8080"))
            .disableFollowRedirect()
            .acceptHeader("text/html")
            .acceptLanguageHeader("vi-VN");

    /** Bench accounts of the 50,000-account province (see bench/prepare-accounts.sh). */
    static final FeederBuilder<String> ACCOUNTS = csv("accounts.csv").circular();

    static final ChainBuilder LOGIN = exec(flushSessionCookies())
            .feed(ACCOUNTS)
            .exec(http("login page").get("/login").check(css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("login")
                    .post("/login")
                    .formParam("username", "#{username}")
                    .formParam("password", "#{password}")
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(302), header("Location").not("/login?error")));

    static final ChainBuilder HOME = exec(http("home")
            .get("/")
            .check(status().is(200), substring("Xin chào"), css("input[name=_csrf]", "value").saveAs("csrf")));

    static final ChainBuilder LOGOUT = exec(http("logout")
            .post("/logout")
            .formParam("_csrf", "#{csrf}")
            .check(status().is(302)));

    /** Pages an officer opens between signing in and signing out (LoginSimulation); 0: sign in and out only. */
    static final int PAGES = Integer.getInteger("pages", 10);

    /** The reference measured in the same run: an endpoint that does no work. */
    static final ChainBuilder TRIVIAL = exec(http("trivial (health)").get("/actuator/health/liveness").header("Accept", "application/json").check(status().is(200)));

    /**
     * {@code burst=true}: all officers start at once and, paced, act in lockstep every second (a stress
     * case); otherwise they arrive over the first 10 seconds, so their actions spread over each second
     * as real officers' do, and stay for the rest of the run.
     */
    static ClosedInjectionStep[] arrivals() {
        if (Boolean.getBoolean("burst")) {
            return new ClosedInjectionStep[] {constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))};
        }
        return new ClosedInjectionStep[] {
            rampConcurrentUsers(0).to(USERS).during(Duration.ofSeconds(10)),
            constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS - 10))
        };
    }

    private Officers() {}
}
