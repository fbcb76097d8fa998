package vn.sen.interchange;

import static vn.sen.interchange.ProvinceDecisions.freePort;
import static vn.sen.interchange.ProvinceDecisions.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.demo.DemoFixture;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.Urgency;
import vn.sen.interchange.Edxml.Organ;

/**
 * 1,000 small documents from one Sen installation to another through a third acting as the province's
 * hub (bench/interchange.sh): the province's worker sends them, the commune's fetches them into its
 * inbox and answers 01, the province's records the 01 on each — timed until every document is in the
 * commune's inbox and every 01 is back. Three installations in one JVM, each with its own embedded
 * database, over real HTTP with the axis's signed headers. Reference in the same run: 1,000 calls of the
 * hub's lightest signed call (the list of waiting messages), so the ratio says how many plain round
 * trips a delivered document costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class HubDeliveryBenchmark {

    static final int DOCUMENTS = 1_000;
    static final String COMMUNE = "000.01.50.H01";

    ConfigurableApplicationContext hub;
    ConfigurableApplicationContext province;
    ConfigurableApplicationContext commune;
    AxisClient client;

    /** 1,000 decisions released by the province to the commune before each iteration (not timed). */
    @State(Scope.Benchmark)
    public static class Batch {

        int number;

        @Setup(Level.Iteration)
        public void release(HubDeliveryBenchmark sen) throws IOException, InterruptedException {
            number++;
            for (int i = 0; i < DOCUMENTS; i++) {
                ProvinceDecisions.released(
                        sen.province,
                        ("%PDF-1.4 " + number + "-" + i).getBytes(StandardCharsets.UTF_8),
                        "Lô " + number + " quyết định " + i,
                        Urgency.NORMAL,
                        List.of(),
                        List.of(new ExternalRecipient("UBND xã Mỹ Hòa Hưng", COMMUNE)));
            }
            JdbcClient db = sen.province.getBean(JdbcClient.class);
            while (count(db, "select count(*) from interchange.outbox where state = 'QUEUED'") < DOCUMENTS) {
                Thread.sleep(50); // the outbox is written after each release commits
            }
        }
    }

    @Setup(Level.Trial)
    public void start() {
        int hubPort = freePort();
        hub = instance(hubPort, null, null, null);
        String axis = "http://localhost:" + hubPort + "/axis/";
        province = instance(freePort(), axis, "ubnd-an-giang", "secret-of-the-province-1");
        commune = instance(freePort(), axis, "xa-my-hoa-hung", "secret-of-the-commune-1");
        Hub members = hub.getBean(Hub.class);
        members.register(
                "ubnd-an-giang",
                "UBND tỉnh An Giang",
                "secret-of-the-province-1",
                List.of(Organ.of("000.00.00.H01", "")));
        members.register("xa-my-hoa-hung", "UBND xã", "secret-of-the-commune-1", List.of(Organ.of(COMMUNE, "")));
        province.getBean(DemoFixture.class).ensureLoaded();
        commune.getBean(DemoFixture.class).ensureLoaded();
        client = new AxisClient(
                java.net.URI.create(axis),
                "ubnd-an-giang",
                "secret-of-the-province-1",
                Duration.ofSeconds(10),
                Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void stop() {
        commune.close();
        province.close();
        hub.close();
    }

    /** Sends, fetches and answers until every document is in the commune's inbox and every 01 is back. */
    @Benchmark
    public int deliver(Batch batch) {
        JdbcClient provinceDb = province.getBean(JdbcClient.class);
        JdbcClient communeDb = commune.getBean(JdbcClient.class);
        InterchangeWorker provinceWorker = province.getBean(InterchangeWorker.class);
        InterchangeWorker communeWorker = commune.getBean(InterchangeWorker.class);
        int rounds = 0;
        do {
            provinceWorker.sendDocuments();
            communeWorker.exchange();
            provinceWorker.receive();
            rounds++;
        } while (count(provinceDb, "select count(*) from interchange.outbox where status_code is null") > 0);
        long received = count(communeDb, "select count(*) from interchange.inbox");
        if (received != (long) batch.number * DOCUMENTS) {
            throw new IllegalStateException(received + " documents in the commune's inbox after batch " + batch.number);
        }
        return rounds;
    }

    /** Reference: 1,000 signed calls of the hub's list of waiting messages. */
    @Benchmark
    public int referenceHubCalls() {
        int listed = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            listed += client.received().size();
        }
        return listed;
    }

    private static long count(JdbcClient db, String sql) {
        return db.sql(sql).query(Long.class).single();
    }
}
