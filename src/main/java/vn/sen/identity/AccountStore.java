package vn.sen.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.sen.shared.Role;

/** Storage of accounts, password history and role grants. */
@Repository
class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql("select * from identity.account where username = :u")
                .param("u", username.strip().toLowerCase(java.util.Locale.ROOT))
                .query(AccountStore::read)
                .optional();
    }

    Optional<Account> byId(long id) {
        return jdbc.sql("select * from identity.account where id = :id")
                .param("id", id)
                .query(AccountStore::read)
                .optional();
    }

    long insert(String username, Long officerId, AccountClass accountClass, String hash, boolean mustChange) {
        return jdbc.sql("""
                insert into identity.account (username, officer_id, account_class, password_hash, must_change_password)
                values (:u, :officer, :class, :hash, :must) returning id
                """)
                .param("u", username)
                .param("officer", officerId)
                .param("class", accountClass.name())
                .param("hash", hash)
                .param("must", mustChange)
                .query(Long.class)
                .single();
    }

    /** A failed password; returns the new count and locks the account when it reaches {@code lockAfter}. */
    int recordFailure(long id, int lockAfter, Instant lockUntil) {
        return jdbc.sql("""
                update identity.account set failed_attempts = failed_attempts + 1,
                    locked_until = case when failed_attempts + 1 >= :lockAfter then :until else locked_until end
                where id = :id returning failed_attempts
                """)
                .param("lockAfter", lockAfter)
                .param("until", ts(lockUntil))
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    void recordLogin(long id, Instant at) {
        jdbc.sql(
                        "update identity.account set failed_attempts = 0, locked_until = null, last_login_at = :at where id = :id")
                .param("at", ts(at))
                .param("id", id)
                .update();
    }

    void unlock(long id) {
        jdbc.sql("update identity.account set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", id)
                .update();
    }

    void disable(long id, String reason) {
        jdbc.sql("update identity.account set disabled_reason = :reason where id = :id")
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    /** Enables an account; counts as use so the inactivity rule does not disable it again at once. */
    void enable(long id) {
        jdbc.sql("update identity.account set disabled_reason = null, last_login_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    int disableInactive(Instant before) {
        return jdbc.sql("""
                update identity.account set disabled_reason = 'INACTIVE'
                where disabled_reason is null and account_class <> 'SERVICE'
                  and coalesce(last_login_at, created_at) < :before
                """).param("before", ts(before)).update();
    }

    void changePassword(long id, String hash, boolean mustChange) {
        jdbc.sql("""
                insert into identity.password_history (account_id, password_hash)
                select id, password_hash from identity.account where id = :id
                """).param("id", id).update();
        jdbc.sql("""
                update identity.account set password_hash = :hash, must_change_password = :must,
                    password_changed_at = now(), version = version + 1 where id = :id
                """)
                .param("hash", hash)
                .param("must", mustChange)
                .param("id", id)
                .update();
    }

    /** The current and the previous hashes, newest first, up to {@code count}. */
    List<String> recentPasswordHashes(long id, int count) {
        return jdbc.sql("""
                select password_hash from (
                    (select password_hash, now() as changed_at from identity.account where id = :id)
                    union all
                    (select password_hash, changed_at from identity.password_history where account_id = :id
                     order by changed_at desc limit :limit)) recent
                order by changed_at desc
                """)
                .param("id", id)
                .param("limit", count - 1)
                .query(String.class)
                .list();
    }

    void setTotp(long id, String sealedSecret) {
        jdbc.sql("update identity.account set totp_secret = :secret, totp_last_step = null where id = :id")
                .param("secret", sealedSecret)
                .param("id", id)
                .update();
    }

    /** Records the used step; false when it was already used (replay) by a concurrent login. */
    boolean useTotpStep(long id, long step) {
        return jdbc.sql("""
                update identity.account set totp_last_step = :step
                where id = :id and (totp_last_step is null or totp_last_step < :step)
                """).param("step", step).param("id", id).update() == 1;
    }

    List<GrantRow> grants(long accountId) {
        return jdbc.sql("select role, unit_id from identity.role_grant where account_id = :id order by role")
                .param("id", accountId)
                .query((rs, n) -> new GrantRow(Role.valueOf(rs.getString("role")), rs.getObject("unit_id", Long.class)))
                .list();
    }

    void grant(long accountId, Role role, Long unitId) {
        jdbc.sql("""
                insert into identity.role_grant (account_id, role, unit_id) values (:id, :role, :unit)
                on conflict do nothing
                """)
                .param("id", accountId)
                .param("role", role.name())
                .param("unit", unitId)
                .update();
    }

    void revoke(long accountId, Role role, Long unitId) {
        jdbc.sql(
                        "delete from identity.role_grant where account_id = :id and role = :role and unit_id is not distinct from :unit")
                .param("id", accountId)
                .param("role", role.name())
                .param("unit", unitId)
                .update();
    }

    record GrantRow(Role role, Long unitId) {}

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null
                ? null
                : value.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }

    static Account read(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getObject("officer_id", Long.class),
                AccountClass.valueOf(rs.getString("account_class")),
                rs.getString("password_hash"),
                rs.getBoolean("must_change_password"),
                rs.getInt("failed_attempts"),
                instant(rs, "locked_until"),
                rs.getString("disabled_reason"),
                rs.getString("totp_secret"),
                rs.getObject("totp_last_step", Long.class),
                instant(rs, "last_login_at"),
                instant(rs, "created_at"));
    }
}
