package vn.sen.documents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registers (sổ văn bản) and their number series. A number is taken by incrementing the register's
 * counter in the caller's transaction: the row lock makes concurrent registrations wait their turn, and
 * a rolled-back registration gives its number back — no gaps, no duplicates.
 */
@Component
class Registers {

    enum Direction {
        INCOMING,
        OUTGOING
    }

    /** A number taken from a register. */
    record Numbered(long registerId, int number) {}

    private final JdbcClient jdbc;

    Registers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the unit's default register for {@code direction} and {@code year}. */
    Numbered next(long unitId, Direction direction, int year) {
        return next(unitId, direction, year, false);
    }

    /** As {@link #next(long, Direction, int)}; state-secret documents have their own series. */
    Numbered next(long unitId, Direction direction, int year, boolean secret) {
        for (int attempt = 0; attempt < 2; attempt++) {
            var taken = jdbc.sql("""
                    update documents.register set last_number = last_number + 1
                    where unit_id = :unit and direction = :direction and year = :year and name = :name and not closed
                    returning id, last_number
                    """)
                    .param("unit", unitId)
                    .param("direction", direction.name())
                    .param("year", year)
                    .param("name", defaultName(direction, year, secret))
                    .query((rs, n) -> new Numbered(rs.getLong(1), rs.getInt(2)))
                    .optional();
            if (taken.isPresent()) {
                return taken.get();
            }
            jdbc.sql("""
                    insert into documents.register (unit_id, direction, year, name, secret)
                    values (:unit, :direction, :year, :name, :secret)
                    on conflict do nothing
                    """)
                    .param("unit", unitId)
                    .param("direction", direction.name())
                    .param("year", year)
                    .param("name", defaultName(direction, year, secret))
                    .param("secret", secret)
                    .update();
        }
        throw new IllegalStateException("register of unit " + unitId + " for " + year + " is closed");
    }

    static String defaultName(Direction direction, int year, boolean secret) {
        return (direction == Direction.INCOMING ? "Sổ văn bản đến " : "Sổ văn bản đi ") + (secret ? "mật " : "") + year;
    }
}
