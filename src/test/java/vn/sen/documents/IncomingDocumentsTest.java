package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.sen.documents.IncomingViews.NewIncoming;
import vn.sen.files.FileManagement;
import vn.sen.organization.Organization;
import vn.sen.organization.Organization.NewUnit;
import vn.sen.organization.UnitKind;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/** Registering incoming documents: numbering, duplicates, validation and who may see what. */
@SpringBootTest
class IncomingDocumentsTest {

    @Autowired
    IncomingDocuments incoming;

    @Autowired
    Registers registers;

    @Autowired
    Organization organization;

    @Autowired
    FileManagement files;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    long province;
    long department;
    long otherDepartment;
    UserScope clerk;
    UserScope otherClerk;
    UserScope provinceLeader;

    @BeforeEach
    void aProvinceWithTwoDepartments() {
        var system = UserScope.system();
        String tag = Long.toString(System.nanoTime(), 36);
        province = organization.createUnit(
                system, new NewUnit(null, null, UnitKind.PROVINCE_COMMITTEE, "UBND thử " + tag, "UBND", null, null, 0));
        department = organization.createUnit(
                system, new NewUnit(province, null, UnitKind.DEPARTMENT, "Sở A " + tag, "SA", null, null, 0));
        otherDepartment = organization.createUnit(
                system, new NewUnit(province, null, UnitKind.DEPARTMENT, "Sở B " + tag, "SB", null, null, 0));
        clerk = scope("vtA" + tag, Role.CLERK, department);
        otherClerk = scope("vtB" + tag, Role.CLERK, otherDepartment);
        provinceLeader = scope("ld" + tag, Role.LEADER, province);
    }

    private UserScope scope(String username, Role role, long unitId) {
        String path = organization.requireUnit(unitId).path();
        return new UserScope(1, username, null, List.of(new UserScope.Grant(role, unitId, path)));
    }

    private NewIncoming letter(long unit, String number, List<UUID> fileIds, boolean confirm) {
        return new NewIncoming(
                unit,
                null,
                "000.00.00.H41",
                "UBND tỉnh Nghệ An",
                number,
                "UBND-VP",
                DocumentType.OFFICIAL_LETTER,
                LocalDate.of(2026, 3, 5),
                "V/v triển khai chuyển đổi số",
                "KT. Chủ tịch",
                "Nguyễn Văn A",
                Urgency.NORMAL,
                Confidentiality.NORMAL,
                null,
                2,
                "",
                fileIds,
                confirm);
    }

    @Test
    void arrival_numbers_run_one_after_another_in_the_units_register_for_the_year() {
        var first = incoming.register(clerk, letter(department, "101", List.of(), false));
        var second = incoming.register(clerk, letter(department, "102", List.of(), false));
        var elsewhere = incoming.register(otherClerk, letter(otherDepartment, "101", List.of(), false));
        assertThat(first.arrivalNumber()).isEqualTo(1);
        assertThat(second.arrivalNumber()).isEqualTo(2);
        assertThat(elsewhere.arrivalNumber()).isEqualTo(1);
        assertThat(first.registerName())
                .isEqualTo("Sổ văn bản đến " + LocalDate.now(clock).getYear());
        assertThat(first.numberAndNotation()).isEqualTo("101/UBND-VP");
    }

    @Test
    void a_new_year_starts_a_new_register_at_number_one() {
        var thisYear = transactions.execute(tx ->
                registers.next(department, Registers.Direction.INCOMING, 2026, false, DocumentType.OFFICIAL_LETTER));
        var nextYear = transactions.execute(tx ->
                registers.next(department, Registers.Direction.INCOMING, 2027, false, DocumentType.OFFICIAL_LETTER));
        var again = transactions.execute(tx ->
                registers.next(department, Registers.Direction.INCOMING, 2027, false, DocumentType.OFFICIAL_LETTER));
        assertThat(nextYear.registerId()).isNotEqualTo(thisYear.registerId());
        assertThat(nextYear.number()).isEqualTo(1);
        assertThat(again.number()).isEqualTo(2);
    }

    @Test
    void fifty_clerks_registering_at_once_get_fifty_different_numbers_without_gaps() throws Exception {
        List<Callable<Integer>> registrations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String number = Integer.toString(1000 + i);
            registrations.add(() -> incoming.register(clerk, letter(department, number, List.of(), false))
                    .arrivalNumber());
        }
        List<Integer> numbers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (Future<Integer> f : pool.invokeAll(registrations)) {
                numbers.add(f.get());
            }
        }
        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
    }

    @Test
    void a_registration_that_fails_gives_its_number_back() {
        incoming.register(clerk, letter(department, "7", List.of(), false));
        // the database refuses the row after the number was taken (as a broken disk or constraint would)
        jdbc.sql("""
                create or replace function documents.test_refuse() returns trigger language plpgsql as $$
                begin
                    if new.code_number = '8' and new.unit_id = %d then
                        raise exception 'refused by the test';
                    end if;
                    return new;
                end $$;
                create trigger test_refuse before insert on documents.incoming
                    for each row execute function documents.test_refuse();
                """.formatted(department)).update();
        try {
            assertThatThrownBy(() -> incoming.register(clerk, letter(department, "8", List.of(), false)))
                    .hasMessageContaining("refused by the test");
        } finally {
            jdbc.sql("drop trigger test_refuse on documents.incoming; drop function documents.test_refuse()")
                    .update();
        }
        assertThat(incoming.register(clerk, letter(department, "9", List.of(), false))
                        .arrivalNumber())
                .isEqualTo(2);
    }

    @Test
    void the_same_number_notation_and_issuer_is_a_duplicate_warning_until_confirmed() {
        var original = incoming.register(clerk, letter(department, "55", List.of(), false));
        long before = count();
        assertThatThrownBy(() -> incoming.register(clerk, letter(department, "55", List.of(), false)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.duplicate"));
        assertThat(count()).isEqualTo(before);
        assertThat(incoming.duplicatesOf(clerk, letter(department, "55", List.of(), false)))
                .extracting(IncomingViews.IncomingRow::id)
                .containsExactly(original.id());
        var confirmed = incoming.register(clerk, letter(department, "55", List.of(), true));
        assertThat(confirmed.arrivalNumber()).isEqualTo(original.arrivalNumber() + 1);
        // another unit receiving the same document is not a duplicate
        assertThat(incoming.duplicatesOf(otherClerk, letter(otherDepartment, "55", List.of(), false)))
                .isEmpty();
    }

    @Test
    void the_same_interchange_document_id_is_a_duplicate() {
        var withId = new NewIncoming(
                department,
                "H41.99-2026-1",
                "",
                "Sở Tài chính",
                "",
                "",
                DocumentType.NOTICE,
                LocalDate.of(2026, 1, 2),
                "Thông báo",
                "",
                "",
                Urgency.URGENT,
                Confidentiality.NORMAL,
                null,
                null,
                "",
                List.of(),
                false);
        incoming.register(clerk, withId);
        assertThatThrownBy(() -> incoming.register(clerk, withId))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.duplicate"));
    }

    @Test
    void dates_that_cannot_be_are_refused() {
        var future = new NewIncoming(
                department,
                null,
                "",
                "Sở Y tế",
                "1",
                "SYT",
                DocumentType.REPORT,
                LocalDate.now(clock).plusDays(2),
                "Báo cáo",
                "",
                "",
                Urgency.NORMAL,
                Confidentiality.NORMAL,
                null,
                null,
                "",
                List.of(),
                false);
        assertThatThrownBy(() -> incoming.register(clerk, future))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.issued-in-future"));
        var dueBefore = new NewIncoming(
                department,
                null,
                "",
                "Sở Y tế",
                "1",
                "SYT",
                DocumentType.REPORT,
                LocalDate.of(2026, 3, 5),
                "Báo cáo",
                "",
                "",
                Urgency.NORMAL,
                Confidentiality.NORMAL,
                LocalDate.of(2026, 3, 1),
                null,
                "",
                List.of(),
                false);
        assertThatThrownBy(() -> incoming.register(clerk, dueBefore))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.due-before-issued"));
    }

    @Test
    void a_clerk_registers_only_for_their_own_unit() {
        assertThatThrownBy(() -> incoming.register(clerk, letter(otherDepartment, "1", List.of(), false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> incoming.register(provinceLeader, letter(department, "1", List.of(), false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(incoming.registeringUnits(clerk)).extracting(u -> u.id()).containsExactly(department);
    }

    @Test
    void documents_and_attachments_are_seen_by_the_units_clerks_and_the_leaders_above_only() throws IOException {
        var file = files.store(
                new ByteArrayInputStream(
                        ("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF").getBytes(StandardCharsets.UTF_8)),
                "cong-van.pdf",
                clerk.username());
        var doc = incoming.register(clerk, letter(department, "77", List.of(file.id()), false));
        assertThat(incoming.find(clerk, doc.id())).isPresent();
        assertThat(incoming.find(provinceLeader, doc.id())).isPresent();
        assertThat(incoming.attachment(provinceLeader, doc.id(), file.id())).isPresent();

        assertThat(incoming.find(otherClerk, doc.id())).isEmpty();
        assertThat(incoming.attachment(otherClerk, doc.id(), file.id())).isEmpty();
        assertThat(incoming.list(otherClerk, 0, 100))
                .extracting(IncomingViews.IncomingRow::id)
                .doesNotContain(doc.id());
        assertThat(incoming.find(UserScope.system(), doc.id()))
                .as("the system administrator reads no business data")
                .isEmpty();
        var specialist = scope("cv", Role.SPECIALIST, department);
        assertThat(incoming.find(specialist, doc.id()))
                .as("specialists see what is routed to them (routing)")
                .isEmpty();
        // an attachment id is no key to another document
        var other = incoming.register(otherClerk, letter(otherDepartment, "78", List.of(), false));
        assertThat(incoming.attachment(otherClerk, other.id(), file.id())).isEmpty();
    }

    @Test
    void a_file_uploaded_by_someone_else_cannot_be_attached() throws IOException {
        var theirs = files.store(
                new ByteArrayInputStream(
                        ("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF").getBytes(StandardCharsets.UTF_8)),
                "mat.pdf",
                otherClerk.username());
        assertThatThrownBy(() -> incoming.register(clerk, letter(department, "79", List.of(theirs.id()), false)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.file"));
    }

    @Test
    void registration_is_audited() {
        var doc = incoming.register(clerk, letter(department, "80", List.of(), false));
        // pending or already sealed into the chain: moving between the two is one transaction
        assertThat(auditCount(doc.id())).isOne();
    }

    private long auditCount(long id) {
        return jdbc.sql(
                        "select (select count(*) from audit.record where resource = :r) + (select count(*) from audit.pending where resource = :r)")
                .param("r", "incoming:" + id)
                .query(Long.class)
                .single();
    }

    private long count() {
        return jdbc.sql("select count(*) from documents.incoming")
                .query(Long.class)
                .single();
    }
}
