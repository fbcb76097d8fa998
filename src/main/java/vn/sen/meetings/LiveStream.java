package vn.sen.meetings;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream of a meeting (server-sent events): every screen following a meeting holds one
 * connection; when the meeting's live state changes, the state is rendered once and the same fragment is
 * sent to every screen.
 *
 * <p>Changes travel between application nodes through PostgreSQL: the changing transaction sends {@code
 * NOTIFY sen_live} (delivered only if it commits), every node listens on its own connection. A burst of
 * changes (2,000 ballots) is coalesced: a meeting is rendered at most every {@value #TICK_MILLIS} ms, and a
 * screen still receiving the previous state gets only the latest one after it. Each event carries the
 * meeting's live version as its id; a screen that reconnects is sent the current state at once.
 */
@Component
class LiveStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    static final String CHANNEL = "sen_live";
    static final long TICK_MILLIS = 100;
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    /** A rendered state, the same for every screen of the meeting. */
    record Frame(long version, String html) {}

    /** One connected screen. */
    private final class Screen {
        final long meetingId;
        final Locale locale;
        final SseEmitter emitter;
        final AtomicBoolean sending = new AtomicBoolean();
        final AtomicReference<Frame> waiting = new AtomicReference<>();
        volatile long sentVersion = -1;

        Screen(long meetingId, Locale locale, SseEmitter emitter) {
            this.meetingId = meetingId;
            this.locale = locale;
            this.emitter = emitter;
        }

        /** Sends the frame, or keeps it for when the send under way finishes. */
        void offer(Frame frame) {
            waiting.set(frame);
            if (sending.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        private void drain() {
            try {
                Frame frame;
                while ((frame = waiting.getAndSet(null)) != null) {
                    if (frame.version() > sentVersion || frame.version() < 0) {
                        emitter.send(SseEmitter.event()
                                .id(Long.toString(Math.max(frame.version(), 0)))
                                .name(frame.version() < 0 ? "heartbeat" : "live")
                                .data(frame.html()));
                        sentVersion = Math.max(sentVersion, frame.version());
                    }
                }
            } catch (IOException | IllegalStateException e) {
                leave(this);
            } finally {
                sending.set(false);
                if (waiting.get() != null && sending.compareAndSet(false, true)) {
                    senders.execute(this::drain);
                }
            }
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final LiveViews views;
    private final Map<Long, Set<Screen>> screens = new ConcurrentHashMap<>();
    private final Map<Long, Long> dirty = new ConcurrentHashMap<>();
    /** The last rendering per meeting and language: a crowd joining at the start renders the state once. */
    private final Map<FrameKey, Frame> latest = new ConcurrentHashMap<>();

    private record FrameKey(long meetingId, Locale locale) {}

    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private ScheduledExecutorService ticker;
    private Thread listener;
    private volatile boolean running;

    LiveStream(DataSource dataSource, JdbcClient jdbc, LiveViews views) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.views = views;
    }

    /** Inside the changing transaction: the notice leaves with the commit, or not at all. */
    @EventListener
    void on(LiveChanged changed) {
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", CHANNEL)
                .param("payload", changed.meetingId() + ":" + changed.version())
                .query(rs -> {});
    }

    /** A new screen, in its user's language: it gets the current state at once, then every change. */
    SseEmitter join(long meetingId, Locale locale) {
        var emitter = new SseEmitter(0L);
        var screen = new Screen(meetingId, LiveViews.language(locale), emitter);
        emitter.onCompletion(() -> leave(screen));
        emitter.onTimeout(() -> leave(screen));
        emitter.onError(e -> leave(screen));
        screens.computeIfAbsent(meetingId, k -> ConcurrentHashMap.newKeySet()).add(screen);
        screen.offer(current(meetingId, screen.locale));
        return emitter;
    }

    /** The state as it is now: the last rendering while the meeting has not changed since. */
    private Frame current(long meetingId, Locale locale) {
        Frame cached = latest.get(new FrameKey(meetingId, locale));
        if (cached != null && cached.version() == views.version(meetingId)) {
            return cached;
        }
        return render(meetingId, locale);
    }

    private Frame render(long meetingId, Locale locale) {
        Frame frame = views.frame(meetingId, locale);
        latest.merge(new FrameKey(meetingId, locale), frame, (old, now) -> now.version() >= old.version() ? now : old);
        return frame;
    }

    int screens(long meetingId) {
        Set<Screen> set = screens.get(meetingId);
        return set == null ? 0 : set.size();
    }

    private void leave(Screen screen) {
        Set<Screen> set = screens.get(screen.meetingId);
        if (set != null) {
            set.remove(screen);
        }
    }

    private void tick() {
        try {
            for (Long meetingId : dirty.keySet()) {
                dirty.remove(meetingId);
                Set<Screen> set = screens.get(meetingId);
                if (set == null || set.isEmpty()) {
                    continue;
                }
                // rendered once per language present, the same fragment for all screens in that language
                Map<Locale, Frame> frames = new java.util.HashMap<>();
                set.forEach(s -> s.offer(frames.computeIfAbsent(s.locale, l -> render(meetingId, l))));
            }
        } catch (RuntimeException e) {
            log.warn("Live stream tick failed: {}", e.getMessage());
        }
    }

    private void heartbeat() {
        Frame beat = new Frame(-1, "");
        screens.values().forEach(set -> set.forEach(s -> s.offer(beat)));
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                try {
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(500);
                        if (notifications == null) {
                            continue;
                        }
                        for (PGNotification n : notifications) {
                            String[] parts = n.getParameter().split(":");
                            dirty.merge(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Math::max);
                        }
                    }
                } finally {
                    // the connection goes back to the pool: it must not keep collecting notices there
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("unlisten *");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn(
                            "Live stream lost its database connection ({}); listening again in a second",
                            e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("sen-live-listener").start(this::listen);
        ticker = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("sen-live-ticker").unstarted(r));
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(
                this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (listener != null) {
            try {
                listener.join(2000); // lets it give its connection back before the pool closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        screens.values().forEach(set -> set.forEach(s -> s.emitter.complete()));
        screens.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
