package vn.sen.documents;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.OfficerView;
import vn.sen.organization.Views.PositionView;
import vn.sen.organization.Views.UnitView;

/**
 * Synthetic incoming documents for demonstrations and benchmarks ({@code sen demo-data --documents N}):
 * spread over every unit that has staff, numbered in each unit's register of the year in order of
 * arrival, most of them assigned to a specialist as lead (some with coordinators, some closed, some
 * overdue). Generated inside PostgreSQL, a batch at a time, so millions take minutes; they have no
 * attachments.
 */
@Service
public class DemoDocuments {

    private static final int BATCH = 250_000;

    /** What was generated: the id range (for read models) and the counts. */
    public record Generated(long firstId, long lastId, long documents, long assignments) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Organization organization;
    private final Clock clock;

    DemoDocuments(
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate transactions,
            Organization organization,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.organization = organization;
        this.clock = clock;
    }

    /** Generates {@code count} documents; {@code progress} hears the number done after each batch. */
    public Generated generate(long count, LongConsumer progress) {
        int year = LocalDate.now(clock).getYear();
        int units = transactions.execute(tx -> prepareUnits(year));
        if (units == 0) {
            throw new IllegalStateException("no unit with staff: build the organisation first");
        }
        // the ids are reserved from the table's own sequence first, so documents registered meanwhile
        // (or afterwards) never collide with the generated ones
        long base = jdbc.sql("select nextval(pg_get_serial_sequence('documents.incoming', 'id')) - 1")
                .query(Long.class)
                .single();
        jdbc.sql("select setval(pg_get_serial_sequence('documents.incoming', 'id'), :last)")
                .param("last", base + count)
                .query(Long.class)
                .single();
        long assignments = 0;
        for (long done = 0; done < count; ) {
            long from = done + 1;
            long to = Math.min(count, done + BATCH);
            assignments += transactions.execute(tx -> batch(base, from, to, count, units, year));
            done = to;
            progress.accept(done);
        }
        transactions.executeWithoutResult(tx -> jdbc.sql("""
                update documents.register r set last_number = greatest(r.last_number, m.last)
                from (select register_id, max(arrival_number) as last from documents.incoming group by register_id) m
                where m.register_id = r.id
                """).update());
        jdbc.sql("drop table if exists demo_unit").update();
        return new Generated(base + 1, base + count, count, assignments);
    }

    /**
     * Units with staff, each with its register of the year, its leaders and its other officers, in a
     * temporary table the batches join by position.
     */
    private int prepareUnits(int year) {
        Set<String> leaderPositions = organization.positions().stream()
                .filter(PositionView::leader)
                .map(PositionView::code)
                .collect(Collectors.toSet());
        List<String> roots =
                organization.children(null).stream().map(UnitView::path).toList();
        List<Long> unitIds = organization.unitIdsUnder(roots);
        jdbc.sql("drop table if exists demo_unit").update();
        jdbc.sql("""
                create unlogged table demo_unit (idx int primary key, unit_id bigint, register_id bigint,
                    last_number int, leaders bigint[], staff bigint[])
                """).update();
        int index = 0;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement insert =
                connection.prepareStatement("insert into demo_unit values (?, ?, ?, ?, ?, ?)")) {
            for (long unitId : unitIds) {
                UnitView unit = organization.requireUnit(unitId);
                if (!unit.active()) {
                    continue;
                }
                List<Long> leaders = new ArrayList<>();
                List<Long> staff = new ArrayList<>();
                for (OfficerView officer : organization.officersIn(unitId)) {
                    boolean leads = officer.appointments().stream()
                            .anyMatch(a -> a.unitId() == unitId && leaderPositions.contains(a.positionCode()));
                    (leads ? leaders : staff).add(officer.id());
                }
                if (staff.isEmpty()) {
                    continue;
                }
                long[] register = jdbc.sql("""
                        insert into documents.register (unit_id, direction, year, name, secret)
                        values (:unit, 'INCOMING', :year, :name, false)
                        on conflict (unit_id, direction, year, name) do update set name = excluded.name
                        returning id, last_number
                        """)
                        .param("unit", unitId)
                        .param("year", year)
                        .param("name", Registers.defaultName(Registers.Direction.INCOMING, year, false))
                        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                        .single();
                Array leaderArray =
                        connection.createArrayOf("bigint", leaders.isEmpty() ? staff.toArray() : leaders.toArray());
                Array staffArray = connection.createArrayOf("bigint", staff.toArray());
                insert.setInt(1, index++);
                insert.setLong(2, unitId);
                insert.setLong(3, register[0]);
                insert.setInt(4, (int) register[1]);
                insert.setArray(5, leaderArray);
                insert.setArray(6, staffArray);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the demo units", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return index;
    }

    private long batch(long base, long from, long to, long count, int units, int year) {
        OffsetDateTime start =
                LocalDate.of(year, 1, 2).atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into documents.incoming (id, register_id, arrival_number, arrived_at, unit_id, document_id,
                    issuer_code, issuer_name, code_number, code_notation, doc_type, issued_on, subject,
                    signer_position, signer_name, urgency, confidentiality, due_on, page_count, description,
                    registered_by, closed_at, result)
                overriding system value
                select :base + g, u.register_id, u.last_number + ((g - 1) / :units) + 1,
                       d.arrived, u.unit_id, null,
                       (array['000.00.00.G09','000.00.00.G12','000.00.00.G15','000.00.02.H01','000.00.03.H01'])[1 + g % 5],
                       (array['Bộ Tài chính','Bộ Nội vụ','Bộ Kế hoạch và Đầu tư','Sở Nội vụ','Sở Tài chính',
                              'Sở Xây dựng','Sở Giáo dục và Đào tạo','Sở Y tế','UBND xã Mỹ Hòa','Văn phòng Chính phủ'])[1 + g % 10],
                       (1 + g % 9000)::text,
                       (array['BTC-NSNN','BNV-CCVC','BKHĐT-TH','SNV-TCBC','STC-QLNS','SXD-QLĐT','SGDĐT-VP','SYT-KHTC',
                              'UBND','VPCP-KTTH'])[1 + g % 10],
                       (array['OFFICIAL_LETTER','OFFICIAL_LETTER','OFFICIAL_LETTER','DECISION','PLAN','REPORT',
                              'INVITATION','NOTICE','DIRECTIVE','OFFICIAL_LETTER'])[1 + (g / 7) % 10],
                       (d.arrived - interval '2 days')::date,
                       (array['V/v triển khai','V/v hướng dẫn','V/v báo cáo tình hình','Về việc tăng cường',
                              'V/v đôn đốc thực hiện','V/v góp ý dự thảo','V/v tổ chức','Về việc phê duyệt',
                              'V/v rà soát','V/v kiểm tra'])[1 + (g / 3) % 10] || ' ' ||
                       (array['kế hoạch chuyển đổi số','dự toán ngân sách','công tác cải cách hành chính',
                              'phòng, chống thiên tai','quy hoạch sử dụng đất','tuyển dụng công chức',
                              'xây dựng nông thôn mới','an toàn giao thông','phòng chống dịch bệnh',
                              'đầu tư công','bảo vệ môi trường','giải quyết khiếu nại, tố cáo',
                              'thi đua, khen thưởng','sắp xếp đơn vị hành chính','quản lý đô thị'])[1 + (g / 11) % 15]
                           || ' năm ' || :year,
                       '', (array['Nguyễn Văn An','Trần Thị Bình','Lê Minh Châu','Phạm Quốc Dũng'])[1 + g % 4],
                       case when g % 20 = 0 then 'URGENT' when g % 97 = 0 then 'VERY_URGENT' else 'NORMAL' end,
                       'NORMAL',
                       case when g % 2 = 0 then (d.arrived + ((5 + g % 25) || ' days')::interval)::date end,
                       1 + g % 12, '', 'demo',
                       case when g::float / :count < 0.7 and ((g / :units) + g) % 10 < 6 then d.arrived + interval '3 days' end,
                       case when g::float / :count < 0.7 and ((g / :units) + g) % 10 < 6 then 'Đã xử lý' else '' end
                from generate_series(:from::bigint, :to::bigint) g
                join demo_unit u on u.idx = (g % :units)
                cross join lateral (select :start::timestamptz + (:now::timestamptz - :start::timestamptz)
                                           * (g::float / :count) as arrived) d
                """)
                .param("base", base)
                .param("units", units)
                .param("count", count)
                .param("year", year)
                .param("from", from)
                .param("to", to)
                .param("start", start)
                .param("now", now)
                .update();
        long leads = jdbc.sql("""
                insert into documents.assignment (incoming_id, unit_id, officer_id, role, direction, due_on,
                    assigned_by, assigned_at, state, state_at, result)
                select i.id, null, u.staff[1 + (g % array_length(u.staff, 1))], 'LEAD', 'Đề nghị tham mưu xử lý',
                       i.due_on, 'demo', i.arrived_at + interval '1 hour',
                       case when i.closed_at is not null then 'DONE' when g % 3 = 0 then 'PENDING' else 'IN_PROGRESS' end,
                       coalesce(i.closed_at, i.arrived_at + interval '1 hour'),
                       case when i.closed_at is not null then 'Đã xử lý' else '' end
                from generate_series(:from::bigint, :to::bigint) g
                join demo_unit u on u.idx = (g % :units)
                join documents.incoming i on i.id = :base + g
                where ((g / :units) + g) % 10 < 8
                """)
                .param("base", base)
                .param("units", units)
                .param("from", from)
                .param("to", to)
                .update();
        long others = jdbc.sql("""
                insert into documents.assignment (incoming_id, unit_id, officer_id, role, direction, due_on,
                    assigned_by, assigned_at, state, state_at)
                select i.id, null,
                       case when ((g / :units) + g) % 10 = 0 or array_length(u.staff, 1) = 1
                                 then u.leaders[1 + (g % array_length(u.leaders, 1))]
                            else u.staff[1 + ((g + 1) % array_length(u.staff, 1))] end,
                       case when ((g / :units) + g) % 10 = 0 then 'INFORMATION' else 'COORDINATING' end, '', i.due_on, 'demo',
                       i.arrived_at + interval '1 hour',
                       case when i.closed_at is not null then 'DONE' else 'PENDING' end,
                       coalesce(i.closed_at, i.arrived_at + interval '1 hour')
                from generate_series(:from::bigint, :to::bigint) g
                join demo_unit u on u.idx = (g % :units)
                join documents.incoming i on i.id = :base + g
                where ((g / :units) + g) % 10 in (0, 1) and (array_length(u.staff, 1) > 1 or u.leaders <> u.staff)
                """)
                .param("base", base)
                .param("units", units)
                .param("from", from)
                .param("to", to)
                .update();
        return leads + others;
    }
}
