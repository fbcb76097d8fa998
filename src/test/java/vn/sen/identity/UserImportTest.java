package vn.sen.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.demo.DemoFixture;
import vn.sen.organization.Organization;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class UserImportTest {

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    TestLogins logins;

    @Autowired
    UserImport userImport;

    @Autowired
    UserCommands command;

    @Autowired
    DemoFixture demo;

    @Autowired
    AccountStore store;

    @Autowired
    Accounts accounts;

    @Autowired
    Organization organization;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demoProvince() {
        demo.ensureLoaded();
    }

    private int accountCount() {
        return jdbc.sql("select count(*) from identity.account")
                .query(Integer.class)
                .single();
    }

    @Test
    void good_rows_become_officers_and_accounts_that_must_change_their_temporary_password() throws Exception {
        String csv = """
                username,full_name,email,phone,unit_code,position,roles,account_class
                imp.lan,Nguyễn Thị Lan,lan@angiang.gov.vn,0901,000.01.02.H01,CHUYEN_VIEN,SPECIALIST,
                imp.hung,Trần Văn Hùng,,,000.00.02.H01,pho_giam_doc,LEADER;CLERK,USER
                """;
        var result = userImport.run(UserScope.system(), new StringReader(csv), "test");
        assertThat(result.errors()).isEmpty();
        assertThat(result.imported())
                .extracting(Accounts.NewAccountResult::username)
                .containsExactly("imp.lan", "imp.hung");
        Account hung = store.byUsername("imp.hung").orElseThrow();
        assertThat(hung.mustChangePassword()).isTrue();
        assertThat(store.grants(hung.id()))
                .extracting(AccountStore.GrantRow::role)
                .containsExactlyInAnyOrder(Role.LEADER, Role.CLERK);
        assertThat(organization
                        .requireOfficer(hung.officerId())
                        .mainAppointment()
                        .positionCode())
                .isEqualTo("PHO_GIAM_DOC");
    }

    @Test
    void one_bad_row_imports_nothing_and_every_problem_is_named_by_line() throws Exception {
        int before = accountCount();
        String csv = """
                username,full_name,email,phone,unit_code,position,roles,account_class
                ok.user,Lê Văn Ổn,,,000.01.02.H01,CHUYEN_VIEN,SPECIALIST,USER
                chutich,Trùng Tên,,,000.01.02.H01,CHUYEN_VIEN,,USER
                x,,,,NO-SUCH-UNIT,THU_TRUONG,KING,ROBOT
                ok.user,Lặp Lại,,,000.01.02.H01,CHUYEN_VIEN,SYSTEM_ADMIN,
                """;
        var result = userImport.run(UserScope.system(), new StringReader(csv), "test");
        assertThat(result.imported()).isEmpty();
        assertThat(result.errors())
                .extracting(e -> e.line() + " " + e.code())
                .containsExactly(
                        "3 account.error.duplicate-username",
                        "4 import.error.username",
                        "4 import.error.full-name",
                        "4 organization.error.unit-code",
                        "4 organization.error.position-not-found",
                        "4 import.error.role",
                        "4 import.error.account-class",
                        "5 import.error.username-repeated",
                        "5 import.error.installation-role");
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void the_upload_page_reports_bad_rows_by_line_in_vietnamese_and_imports_nothing() throws Exception {
        int before = accountCount();
        var file = new org.springframework.mock.web.MockMultipartFile(
                "file",
                "nguoi-dung.csv",
                "text/csv",
                "username,full_name,unit_code,position\nweb.one,Hồ Văn Một,000.01.02.H01,CHUYEN_VIEN\nweb.two,,NOPE,CHUYEN_VIEN\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/admin/accounts/import")
                        .file(file)
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(logins.signedIn("qtsonoivu"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Dòng 3")
                .contains("Thiếu họ tên")
                .contains("Không tìm thấy đơn vị có mã &quot;NOPE&quot;");
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void an_officer_gets_one_account_only() {
        long officer = organization
                .officersIn(
                        organization.unitByCode("000.01.02.H01").orElseThrow().id())
                .getFirst()
                .id();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create(
                        UserScope.system(),
                        new Accounts.NewAccount("second.account", officer, AccountClass.USER, null, true, List.of())))
                .isInstanceOf(vn.sen.shared.RuleViolation.class)
                .hasMessageContaining("officer-has-account");
    }

    @Test
    void a_unit_administrator_imports_only_into_their_own_subtree() throws Exception {
        long homeAffairs =
                organization.unitByCode("000.00.02.H01").orElseThrow().id();
        var unitAdmin = new UserScope(
                1,
                "qt",
                null,
                List.of(new UserScope.Grant(
                        Role.UNIT_ADMIN,
                        homeAffairs,
                        organization.requireUnit(homeAffairs).path())));
        String csv = """
                username,full_name,unit_code,position
                mine.one,Võ Thị Một,000.01.02.H01,CHUYEN_VIEN
                theirs.one,Võ Thị Hai,000.01.03.H01,CHUYEN_VIEN
                """;
        var result = userImport.run(unitAdmin, new StringReader(csv), "test");
        assertThat(result.errors())
                .extracting(e -> e.line() + " " + e.code())
                .containsExactly("3 import.error.unit-not-yours");
    }

    @Test
    void the_command_writes_passwords_to_a_private_file_and_reports_bad_input_in_one_line(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("users.csv");
        Files.writeString(file, "username,full_name,unit_code,position\ncmd.user,Đỗ Văn Lệnh,000.02.02.H01,VAN_THU\n");
        var out = new StringWriter();
        assertThat(command.run(List.of(file.toString()), new PrintWriter(out, true)))
                .isZero();
        assertThat(out.toString()).contains("\"imported\":1");
        Path passwords = dir.resolve("users-passwords.csv");
        assertThat(Files.readAllLines(passwords))
                .hasSize(2)
                .element(1)
                .asString()
                .startsWith("cmd.user,");
        assertThat(Files.getPosixFilePermissions(passwords)).hasSize(2);

        Files.writeString(file, "name,unit\nx,y\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> command.run(List.of(file.toString()), new PrintWriter(new StringWriter())))
                .hasMessageContaining("lacks the columns: full_name, position, unit_code, username");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        command.run(List.of(dir.resolve("none.csv").toString()), new PrintWriter(new StringWriter())))
                .hasMessageContaining("no such file");
    }
}
