package vn.sen.interchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency directory (danh bạ cơ quan liên thông): the agencies this installation can send to, with
 * their dated codes. Every change gets the next version, so a member synchronises only what changed since
 * the version it last saw; a deleted agency stays as a row; a code closed by a merger names the code that
 * replaced it, and {@link #current} follows that chain so that old codes in messages resolve to today's
 * agency.
 */
@Service
@Transactional
class AgencyDirectory {

    /** An agency of the directory, as the hub or axis publishes it. */
    record Agency(
            String code,
            String name,
            String parentCode,
            String address,
            String email,
            String phone,
            LocalDate validFrom,
            LocalDate validTo,
            String replacedBy,
            boolean deleted,
            long version,
            Instant modifiedAt) {

        /** The same agency as an entry to record (the version and time are the directory's). */
        Agency {
            Objects.requireNonNull(code);
            name = name == null ? "" : name;
            address = address == null ? "" : address;
            email = email == null ? "" : email;
            phone = phone == null ? "" : phone;
            parentCode = blankToNull(parentCode);
            replacedBy = blankToNull(replacedBy);
        }

        static Agency of(String code, String name) {
            return new Agency(code, name, null, "", "", "", null, null, null, false, 0, null);
        }

        /** Whether {@code other} says the same about this agency (versions and times aside). */
        boolean sameAs(Agency other) {
            return code.equals(other.code)
                    && name.equals(other.name)
                    && Objects.equals(parentCode, other.parentCode)
                    && address.equals(other.address)
                    && email.equals(other.email)
                    && phone.equals(other.phone)
                    && Objects.equals(validFrom, other.validFrom)
                    && Objects.equals(validTo, other.validTo)
                    && Objects.equals(replacedBy, other.replacedBy)
                    && deleted == other.deleted;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** What one synchronisation did. */
    record Changes(int added, int changed, int deleted) {

        static final Changes NONE = new Changes(0, 0, 0);

        Changes plus(Changes other) {
            return new Changes(added + other.added, changed + other.changed, deleted + other.deleted);
        }

        int total() {
            return added + changed + deleted;
        }
    }

    private static final int MAX_CHAIN = 20;

    private final JdbcClient jdbc;

    AgencyDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records what this installation knows of an agency itself (a hub's member, a merger). */
    Changes record(Agency agency) {
        return record(agency, "");
    }

    /**
     * Records what {@code source} says about an agency: a new agency is added, a different entry changes
     * it, an identical one changes nothing (and keeps its version).
     */
    Changes record(Agency agency, String source) {
        if (!agency.code().matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("'" + agency.code() + "' is not an organisation code");
        }
        oneWriter();
        Optional<Agency> known = find(agency.code());
        if (known.isPresent() && known.get().sameAs(agency)) {
            return Changes.NONE;
        }
        jdbc.sql("""
                insert into interchange.agency (code, name, parent_code, address, email, phone, valid_from,
                    valid_to, replaced_by, deleted, version, modified_at, source)
                values (:code, :name, :parent, :address, :email, :phone, :from, :to, :replacedBy, :deleted,
                    nextval('interchange.agency_version'), now(), :source)
                on conflict (code) do update set name = excluded.name, parent_code = excluded.parent_code,
                    address = excluded.address, email = excluded.email, phone = excluded.phone,
                    valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                    replaced_by = excluded.replaced_by, deleted = excluded.deleted,
                    version = excluded.version, modified_at = excluded.modified_at, source = excluded.source
                """)
                .param("source", source)
                .param("code", agency.code())
                .param("name", agency.name())
                .param("parent", agency.parentCode())
                .param("address", agency.address())
                .param("email", agency.email())
                .param("phone", agency.phone())
                .param("from", agency.validFrom())
                .param("to", agency.validTo())
                .param("replacedBy", agency.replacedBy())
                .param("deleted", agency.deleted())
                .update();
        if (known.isEmpty()) {
            return new Changes(1, 0, 0);
        }
        return agency.deleted() && !known.get().deleted() ? new Changes(0, 0, 1) : new Changes(0, 1, 0);
    }

    /**
     * What {@code source} no longer lists, when it publishes its whole directory rather than its changes:
     * the agencies recorded from it that are not among {@code listed} are deleted.
     */
    Changes dropMissing(String source, java.util.Collection<String> listed) {
        oneWriter();
        int dropped = jdbc.sql("""
                        update interchange.agency set deleted = true, modified_at = now(),
                            version = nextval('interchange.agency_version')
                        where source = :source and not deleted and not (code = any(:listed))
                        """)
                .param("source", source)
                .param("listed", listed.toArray(String[]::new))
                .update();
        return new Changes(0, 0, dropped);
    }

    /**
     * A merger or a new code (2025 reorganisation): {@code oldCode} closes the day before {@code from} and
     * names {@code newCode}, which takes over its name unless it has one.
     */
    Changes replace(String oldCode, String newCode, String newName, LocalDate from) {
        Agency old = find(oldCode)
                .orElseThrow(() -> new IllegalArgumentException("no agency " + oldCode + " in the directory"));
        if (oldCode.equals(newCode)) {
            throw new IllegalArgumentException("an agency cannot replace itself");
        }
        Agency successor = find(newCode).orElse(null);
        Changes changes = record(new Agency(
                newCode,
                newName != null && !newName.isBlank() ? newName : successor != null ? successor.name() : old.name(),
                successor != null ? successor.parentCode() : old.parentCode(),
                successor != null ? successor.address() : old.address(),
                successor != null ? successor.email() : old.email(),
                successor != null ? successor.phone() : old.phone(),
                successor != null && successor.validFrom() != null ? successor.validFrom() : from,
                null,
                null,
                false,
                0,
                null));
        return changes.plus(record(new Agency(
                old.code(),
                old.name(),
                old.parentCode(),
                old.address(),
                old.email(),
                old.phone(),
                old.validFrom(),
                from.minusDays(1),
                newCode,
                true,
                0,
                null)));
    }

    /**
     * One writer at a time, until the transaction ends: versions become visible in the order they were
     * given, so a member that synchronised up to a version never misses an earlier one committed later.
     */
    private void oneWriter() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('interchange.agency'))")
                .query()
                .singleRow();
    }

    @Transactional(readOnly = true)
    Optional<Agency> find(String code) {
        return jdbc.sql("select * from interchange.agency where code = :code")
                .param("code", code == null ? "" : code.strip())
                .query(AgencyDirectory::agency)
                .optional();
    }

    /**
     * Today's agency for {@code code}: the agency itself, or — for a code a merger closed — the agency
     * that replaced it, following the chain; empty for a code the directory does not know or an agency
     * dissolved without a successor.
     */
    @Transactional(readOnly = true)
    Optional<Agency> current(String code) {
        Set<String> seen = new HashSet<>();
        Optional<Agency> agency = find(code);
        while (agency.isPresent()
                && agency.get().replacedBy() != null
                && seen.add(agency.get().code())) {
            if (seen.size() > MAX_CHAIN) {
                return Optional.empty();
            }
            agency = find(agency.get().replacedBy());
        }
        return agency.filter(a -> !a.deleted());
    }

    /** Every code that leads to {@code code}: itself and the codes it replaced, directly or not. */
    @Transactional(readOnly = true)
    List<String> formerCodes(String code) {
        return jdbc.sql("""
                        with recursive former(code, depth) as (
                            select cast(:code as varchar), 0
                            union
                            select a.code, f.depth + 1 from interchange.agency a
                            join former f on a.replaced_by = f.code where f.depth < 20)
                        select code from former order by depth, code
                        """).param("code", code).query(String.class).list();
    }

    /** The entries changed after {@code version} (deletions included), oldest change first. */
    @Transactional(readOnly = true)
    List<Agency> changedSince(long version, int limit) {
        return jdbc.sql("select * from interchange.agency where version > :v order by version limit :limit")
                .param("v", version)
                .param("limit", limit)
                .query(AgencyDirectory::agency)
                .list();
    }

    /** The directory's latest version (0 when empty). */
    @Transactional(readOnly = true)
    long version() {
        return jdbc.sql("select coalesce(max(version), 0) from interchange.agency")
                .query(Long.class)
                .single();
    }

    /** The agencies one can send to today (not deleted), by code. */
    @Transactional(readOnly = true)
    List<Agency> agencies() {
        return jdbc.sql("select * from interchange.agency where not deleted order by code")
                .query(AgencyDirectory::agency)
                .list();
    }

    /**
     * Agencies one can send to today whose name or code contains {@code text} (accents and case aside),
     * by name, at most {@code limit}.
     */
    @Transactional(readOnly = true)
    List<Agency> search(String text, int limit) {
        return jdbc.sql("""
                        select * from interchange.agency
                        where not deleted
                          and (organization.fold(name) like '%' || organization.fold(:text) || '%'
                               or code ilike '%' || :text || '%')
                        order by name, code limit :limit
                        """)
                .param("text", text.strip())
                .param("limit", limit)
                .query(AgencyDirectory::agency)
                .list();
    }

    /** The version of {@code source}'s directory this installation last synchronised (0 for never). */
    @Transactional(readOnly = true)
    long syncedVersion(String source) {
        return jdbc.sql("select version from interchange.directory_sync where source = :source")
                .param("source", source)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    void synced(String source, long version, Changes changes) {
        jdbc.sql("""
                insert into interchange.directory_sync (source, version, synced_at, added, changed, deleted)
                values (:source, :version, now(), :added, :changed, :deleted)
                on conflict (source) do update set version = excluded.version, synced_at = now(),
                    added = excluded.added, changed = excluded.changed, deleted = excluded.deleted
                """)
                .param("source", source)
                .param("version", version)
                .param("added", changes.added())
                .param("changed", changes.changed())
                .param("deleted", changes.deleted())
                .update();
    }

    private static Agency agency(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Agency(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("parent_code"),
                rs.getString("address"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("replaced_by"),
                rs.getBoolean("deleted"),
                rs.getLong("version"),
                rs.getObject("modified_at", OffsetDateTime.class).toInstant());
    }
}
