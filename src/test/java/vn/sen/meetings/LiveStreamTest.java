package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The live stream over real HTTP: the current state on joining, every change after, refused to outsiders. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveStreamTest extends MeetingsScenario {

    @LocalServerPort
    int port;

    @Autowired
    LiveSession live;

    @Autowired
    LiveStream stream;

    HttpClient signedIn(String username) throws Exception {
        var client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String page = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password="
                + URLEncoder.encode("Cuộc-họp-2026!xyz", StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        var response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return client;
    }

    long anOpenMeeting() {
        long id = aMeetingSoon(List.of(financeDirectorOfficer));
        meetings.invite(secretary, id);
        live.open(secretary, id);
        return id;
    }

    @Test
    void a_screen_gets_the_state_at_once_and_each_change_after() throws Exception {
        long id = anOpenMeeting();
        long item = agenda.add(secretary, id, new Agenda.ItemForm("Quy hoạch khu đô thị mới", null, "", 20));
        var client = signedIn(financeDirector.username());
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        var response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/meetings/" + id + "/live"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Stream<String> lines = response.body();
        Thread.ofVirtual().start(() -> lines.forEach(events::add));

        String first = nextEvent(events);
        assertThat(first).contains("event:live").contains("Chưa vào nội dung họp");

        live.startItem(secretary, id, item);
        String second = nextEvent(events);
        assertThat(second).contains("Quy hoạch khu đô thị mới");
        assertThat(id(second)).isGreaterThan(id(first));

        live.checkIn(financeDirector, id, rooms.require(room).checkinToken());
        assertThat(nextEvent(events)).contains("Có mặt 1/");
        assertThat(stream.screens(id)).isEqualTo(1);
    }

    @Test
    void each_screen_gets_the_state_in_its_users_language() throws Exception {
        long id = anOpenMeeting();
        BlockingQueue<String> english = new LinkedBlockingQueue<>();
        BlockingQueue<String> vietnamese = new LinkedBlockingQueue<>();
        for (var entry : java.util.Map.of("?lang=en", english, "", vietnamese).entrySet()) {
            var response = signedIn(financeDirector.username())
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + port + "/meetings/" + id + "/live" + entry.getKey()))
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines());
            Stream<String> lines = response.body();
            Thread.ofVirtual().start(() -> lines.forEach(entry.getValue()::add));
        }
        assertThat(nextEvent(english)).contains("No agenda item yet.");
        assertThat(nextEvent(vietnamese)).contains("Chưa vào nội dung họp.");
        live.checkIn(financeDirector, id, rooms.require(room).checkinToken());
        assertThat(nextEvent(english)).contains("Present 1/");
        assertThat(nextEvent(vietnamese)).contains("Có mặt 1/");
    }

    @Test
    void someone_not_invited_cannot_follow_the_meeting() throws Exception {
        long id = anOpenMeeting();
        var client = signedIn(justiceDirector.username());
        var response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/meetings/" + id + "/live"))
                        .header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(stream.screens(id)).isZero();
    }

    /** The lines of the next event (up to its blank line), or fails after five seconds. */
    static String nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        var event = new StringBuilder();
        while (true) {
            String line = lines.poll(5, TimeUnit.SECONDS);
            assertThat(line).as("an event within 5 s; got so far: " + event).isNotNull();
            if (line.isEmpty()) {
                if (event.toString().contains("event:live")) {
                    return event.toString();
                }
                event.setLength(0);
                continue;
            }
            event.append(line).append('\n');
        }
    }

    static long id(String event) {
        var matcher = Pattern.compile("(?m)^id:(\\d+)").matcher(event);
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
