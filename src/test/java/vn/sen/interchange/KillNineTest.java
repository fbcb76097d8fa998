package vn.sen.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sen.interchange.ProvinceDecisions.freePort;
import static vn.sen.interchange.ProvinceDecisions.instance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.demo.DemoFixture;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.Urgency;
import vn.sen.interchange.Edxml.Organ;

/**
 * kill -9 of either side while documents flow: the province and the commune run as processes of their
 * own (their databases outlive them, as database servers do), connected to the hub, polling every 300
 * ms; at random moments one of them is killed with SIGKILL and started again. In the end every decision
 * is in the commune's inbox exactly once and every 01 is back on the province's document. The seed is
 * printed in every assertion (run again with {@code -Dsen.kill.seed=…}).
 */
class KillNineTest {

    static final String PROVINCE = "000.00.00.H01";
    static final String COMMUNE = "000.01.50.H01";
    static final int DOCUMENTS = 60;
    static final int KILLS = 4;

    @TempDir
    Path dir;

    @Test
    void documents_and_their_statuses_arrive_exactly_once_whichever_side_is_killed_when() throws Exception {
        long seed = Long.getLong("sen.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        int hubPort = freePort();
        try (var hub = instance(hubPort, List.of())) {
            Hub members = hub.getBean(Hub.class);
            members.register(
                    "ubnd-an-giang", "UBND tỉnh An Giang", "secret-of-the-province-1", List.of(Organ.of(PROVINCE, "")));
            members.register("xa-my-hoa-hung", "UBND xã", "secret-of-the-commune-1", List.of(Organ.of(COMMUNE, "")));
            Path provinceDir = dir.resolve("province");
            Path communeDir = dir.resolve("commune");
            prepare(provinceDir, communeDir);

            String axis = "http://localhost:" + hubPort + "/axis/";
            // the commune first: the province starts sending as soon as it is up, and is killed while it does
            try (var commune = new SenProcess(
                                    communeDir,
                                    freePort(),
                                    connected(axis, "xa-my-hoa-hung", "secret-of-the-commune-1"))
                            .start();
                    var province = new SenProcess(
                                    provinceDir,
                                    freePort(),
                                    connected(axis, "ubnd-an-giang", "secret-of-the-province-1"))
                            .start()) {
                List<String> kills = new ArrayList<>();
                for (int i = 0; i < KILLS; i++) {
                    Thread.sleep(i == 0 ? 300 + random.nextInt(500) : random.nextInt(1_500));
                    boolean senderSide = i == 0 || random.nextBoolean();
                    SenProcess victim = senderSide ? province : commune;
                    kills.add((senderSide ? "province" : "commune") + " after " + progress(province, commune));
                    victim.kill();
                    victim.start();
                }
                String story = "seed " + seed + ", killed: " + kills;
                System.out.println("kill -9: " + story);
                long deadline = System.nanoTime() + 180_000_000_000L;
                while (!done(province) && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }

                assertThat(rows(commune, """
                                select count(*), count(distinct document_id) from interchange.inbox
                                where business_type = 0
                                """))
                        .as("every decision in the commune's inbox, once (%s)", story)
                        .containsExactly((long) DOCUMENTS, (long) DOCUMENTS);
                assertThat(rows(province, """
                                select count(*), count(*) filter (where state = 'DELIVERED' and status_code = '01')
                                from interchange.outbox
                                """))
                        .as("every decision sent once in effect and its 01 back (%s)", story)
                        .containsExactly((long) DOCUMENTS, (long) DOCUMENTS);
                assertThat(rows(
                                commune,
                                "select count(*), count(*) filter (where state = 'SENT') "
                                        + "from interchange.status_outbox"))
                        .as("one 01 per decision, sent (%s)", story)
                        .containsExactly((long) DOCUMENTS, (long) DOCUMENTS);
            }
        }
    }

    /** The province releases its decisions (nothing sent yet); the commune gets its units. */
    private static void prepare(Path provinceDir, Path communeDir) throws Exception {
        try (var sen = instance(freePort(), SenProcess.dataUnder(provinceDir))) {
            sen.getBean(DemoFixture.class).ensureLoaded();
            for (int i = 0; i < DOCUMENTS; i++) {
                ProvinceDecisions.released(
                        sen,
                        ("%PDF-1.4 " + i + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8),
                        "Quyết định số " + i,
                        Urgency.NORMAL,
                        List.of(),
                        List.of(new ExternalRecipient("UBND xã Mỹ Hòa Hưng", COMMUNE)));
            }
            var db = sen.getBean(JdbcClient.class);
            ProvinceDecisions.eventually(
                    () -> db.sql("select count(*) from interchange.outbox")
                            .query(Long.class)
                            .single(),
                    queued -> queued == DOCUMENTS);
        }
        try (var sen = instance(freePort(), SenProcess.dataUnder(communeDir))) {
            sen.getBean(DemoFixture.class).ensureLoaded();
        }
    }

    private static List<String> connected(String axis, String system, String secret) {
        return List.of(
                "--sen.interchange.hub-url=" + axis,
                "--sen.interchange.system-id=" + system,
                "--sen.interchange.secret=" + secret,
                "--sen.interchange.poll-interval=300ms",
                "--sen.interchange.lease=5s");
    }

    private static boolean done(SenProcess province) throws SQLException {
        return rows(province, "select count(*) filter (where status_code = '01') from interchange.outbox")
                        .getFirst()
                == DOCUMENTS;
    }

    private static String progress(SenProcess province, SenProcess commune) throws SQLException {
        return rows(province, "select count(*) filter (where state <> 'QUEUED') from interchange.outbox")
                        .getFirst()
                + " sent, "
                + rows(commune, "select count(*) from interchange.inbox").getFirst()
                + " received";
    }

    /** The numbers of the first row of {@code sql}. */
    private static List<Long> rows(SenProcess sen, String sql) throws SQLException {
        try (var connection = sen.database();
                var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            List<Long> values = new ArrayList<>();
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                values.add(result.getLong(i));
            }
            return values;
        }
    }
}
