package vn.sen.meetings;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.meetings.MeetingViews.RoomView;
import vn.sen.meetings.MeetingViews.SeatView;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Meeting rooms (phòng họp) of the units, with their seats on a grid (rows A, B, C… and numbered seats)
 * and the secret their check-in QR code carries. A unit's meeting secretaries and unit administrators
 * keep its rooms; its meetings may use them and those of the units above it.
 */
@Service
public class Rooms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Organization organization;
    private final ApplicationEventPublisher events;

    Rooms(JdbcClient jdbc, Organization organization, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.events = events;
    }

    /** Adds a room with a full grid of seats; {@code aisles} lists seat labels left empty (e.g. "A4 B4"). */
    @Transactional
    public long create(UserScope user, long unitId, String name, String location, int rows, int cols, String aisles) {
        UnitView unit = organization
                .unit(unitId)
                .filter(UnitView::active)
                .orElseThrow(() -> new RuleViolation("meetings.error.unit"));
        requireKeeper(user, unit.path());
        if (rows < 1 || rows > 26 || cols < 1 || cols > 60) {
            throw new RuleViolation("meetings.error.room-size", "26", "60");
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into meetings.room (unit_id, name, location, rows, cols, checkin_token)
                    values (:u, :name, :location, :rows, :cols, :token) returning id
                    """)
                    .param("u", unitId)
                    .param("name", Meetings.required(name, 200, "meetings.error.room-name"))
                    .param("location", Meetings.optional(location, 300))
                    .param("rows", rows)
                    .param("cols", cols)
                    .param("token", HexFormat.of().formatHex(RANDOM.generateSeed(16)))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("meetings.error.room-exists", name.strip());
        }
        List<String> empty =
                aisles == null ? List.of() : List.of(aisles.toUpperCase().split("[\\s,;]+"));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                String label = seatLabel(r, c);
                if (!empty.contains(label)) {
                    jdbc.sql("insert into meetings.seat (room_id, label, row_no, col_no) values (:r, :l, :row, :col)")
                            .param("r", id)
                            .param("l", label)
                            .param("row", r)
                            .param("col", c)
                            .update();
                }
            }
        }
        events.publishEvent(new MeetingChanged(user.username(), 0, "room.created", "room:" + id + " " + name));
        return id;
    }

    /** Takes a room out of use (its past meetings keep it); or back in. */
    @Transactional
    public void activate(UserScope user, long roomId, boolean active) {
        RoomView room = require(roomId);
        requireKeeper(user, organization.requireUnit(room.unitId()).path());
        jdbc.sql("update meetings.room set active = :a where id = :id")
                .param("a", active)
                .param("id", roomId)
                .update();
        events.publishEvent(new MeetingChanged(
                user.username(), 0, active ? "room.activated" : "room.deactivated", "room:" + roomId));
    }

    /** A new check-in secret, e.g. after a QR code was photographed and passed around. */
    @Transactional
    public void renewCheckinToken(UserScope user, long roomId) {
        RoomView room = require(roomId);
        requireKeeper(user, organization.requireUnit(room.unitId()).path());
        jdbc.sql("update meetings.room set checkin_token = :t where id = :id")
                .param("t", HexFormat.of().formatHex(RANDOM.generateSeed(16)))
                .param("id", roomId)
                .update();
        events.publishEvent(new MeetingChanged(user.username(), 0, "room.token-renewed", "room:" + roomId));
    }

    static String seatLabel(int row, int col) {
        return (char) ('A' + row) + Integer.toString(col + 1);
    }

    /** Rooms the user keeps (his units' rooms). */
    public List<RoomView> kept(UserScope user) {
        List<Long> units = organization.unitIdsUnder(user.subtrees(Role.MEETING_SECRETARY, Role.UNIT_ADMIN));
        return user.has(Role.SYSTEM_ADMIN)
                ? query("true", Map.of())
                : query("unit_id = any(:u)", Map.of("u", ids(units)));
    }

    /** Rooms a meeting of the unit may use: the unit's and those of the units above it. */
    public List<RoomView> usableBy(long unitId) {
        List<Long> chain =
                organization.ancestry(unitId).stream().map(UnitView::id).toList();
        List<Long> all = new ArrayList<>(chain);
        all.add(unitId);
        return query("active and unit_id = any(:u)", Map.of("u", ids(all)));
    }

    public RoomView require(long roomId) {
        return query("id = :id", Map.of("id", roomId)).stream()
                .findFirst()
                .orElseThrow(() -> new RuleViolation("meetings.error.room"));
    }

    public Optional<RoomView> byCheckinToken(String token) {
        return query("checkin_token = :t", Map.of("t", token == null ? "" : token)).stream()
                .findFirst();
    }

    private List<RoomView> query(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select * from meetings.room where " + where + " order by unit_id, name");
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        record Row(
                long id, long unitId, String name, String location, int rows, int cols, String token, boolean active) {}
        List<Row> rows = spec.query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("unit_id"),
                        rs.getString("name"),
                        rs.getString("location"),
                        rs.getInt("rows"),
                        rs.getInt("cols"),
                        rs.getString("checkin_token"),
                        rs.getBoolean("active")))
                .list();
        Map<Long, String> units =
                organization.unitNames(rows.stream().map(Row::unitId).toList());
        return rows.stream()
                .map(r -> new RoomView(
                        r.id(),
                        r.unitId(),
                        units.get(r.unitId()),
                        r.name(),
                        r.location(),
                        r.rows(),
                        r.cols(),
                        r.token(),
                        r.active(),
                        seats(r.id())))
                .toList();
    }

    private List<SeatView> seats(long roomId) {
        return jdbc.sql("select label, row_no, col_no from meetings.seat where room_id = :r order by row_no, col_no")
                .param("r", roomId)
                .query((rs, n) -> new SeatView(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    private static void requireKeeper(UserScope user, String unitPath) {
        if (!user.has(Role.SYSTEM_ADMIN) && !user.hasIn(unitPath, Role.MEETING_SECRETARY, Role.UNIT_ADMIN)) {
            throw new AccessDeniedException("may not keep rooms of " + unitPath);
        }
    }

    private static Long[] ids(List<Long> ids) {
        return ids.toArray(Long[]::new);
    }
}
