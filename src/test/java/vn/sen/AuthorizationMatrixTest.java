package vn.sen;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.Accounts;
import vn.sen.identity.TestLogins;
import vn.sen.organization.Organization;

/**
 * Who may do what where: every role of the demo province against every resource of this release,
 * in its own unit subtree and outside it. "allowed" means the request succeeds, "denied" means 403
 * (or the login page for the anonymous visitor) and nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationMatrixTest {

    static final String HOME_AFFAIRS = "000.00.02.H01"; // Sở Nội vụ: the unit administrator's subtree
    static final String HOME_AFFAIRS_DIVISION = "000.01.02.H01";
    static final String FINANCE = "000.00.03.H01"; // Sở Tài chính: outside it

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    Organization organization;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void loadDemoProvince() {
        demo.ensureLoaded();
    }

    enum Expect {
        ALLOWED,
        DENIED
    }

    record Case(String who, String what, Expect expect) {}

    static Stream<Arguments> matrix() {
        String[] everyone = {"quantri", "qtsonoivu", "kiemtoan", "chutich", "giamdoc", "vanthu", "chuyenvien", "thuky"};
        var cases = Stream.<Case>builder();
        for (String who : everyone) {
            cases.add(new Case(who, "browse organisation", Expect.ALLOWED));
            cases.add(new Case(who, "own account page", Expect.ALLOWED));
            boolean admin = who.equals("quantri");
            boolean unitAdmin = who.equals("qtsonoivu");
            cases.add(new Case(who, "edit unit in Sở Nội vụ", admin || unitAdmin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "edit division of Sở Nội vụ", admin || unitAdmin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "edit unit in Sở Tài chính", admin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "create top-level unit", admin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "list accounts", admin || unitAdmin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "open account in Sở Nội vụ", admin || unitAdmin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "open account in Sở Tài chính", admin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "unlock account in Sở Tài chính", admin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "revoke an installation role", admin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "read audit trail", who.equals("kiemtoan") ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "export audit trail", who.equals("kiemtoan") ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "adjust working calendar", admin ? Expect.ALLOWED : Expect.DENIED));
        }
        return cases.build().map(c -> Arguments.of(c.who(), c.what(), c.expect()));
    }

    @ParameterizedTest(name = "{0} — {1}: {2}")
    @MethodSource("matrix")
    void each_role_reaches_exactly_what_its_unit_subtree_allows(String who, String what, Expect expect)
            throws Exception {
        var request = request(what).with(authentication(logins.signedIn(who)));
        var result = mvc.perform(request).andReturn().getResponse();
        int code = result.getStatus();
        if (expect == Expect.ALLOWED) {
            org.assertj.core.api.Assertions.assertThat(code)
                    .as("%s may %s", who, what)
                    .isBetween(200, 399);
            org.assertj.core.api.Assertions.assertThat(result.getRedirectedUrl())
                    .as("%s may %s (not bounced to login)", who, what)
                    .satisfiesAnyOf(
                            url -> org.assertj.core.api.Assertions.assertThat(url)
                                    .isNull(),
                            url -> org.assertj.core.api.Assertions.assertThat(url)
                                    .doesNotContain("/login"));
        } else {
            org.assertj.core.api.Assertions.assertThat(code)
                    .as("%s may not %s", who, what)
                    .isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "anonymous — {1}")
    @MethodSource("matrix")
    void an_anonymous_visitor_is_sent_to_the_login_page(String who, String what, Expect expect) throws Exception {
        if (!who.equals("quantri")) {
            return; // one row per resource is enough
        }
        mvc.perform(request(what)).andExpect(status().is3xxRedirection());
    }

    private MockHttpServletRequestBuilder request(String what) {
        long homeAffairs = unit(HOME_AFFAIRS);
        long division = unit(HOME_AFFAIRS_DIVISION);
        long finance = unit(FINANCE);
        long homeAffairsAccount = accountIn(HOME_AFFAIRS_DIVISION);
        long financeAccount = accountIn("000.01.03.H01");
        return switch (what) {
            case "browse organisation" -> get("/organization/units/" + finance);
            case "own account page" -> get("/account");
            case "edit unit in Sở Nội vụ" -> updateUnit(homeAffairs, "Sở Nội vụ", "DEPARTMENT");
            case "edit division of Sở Nội vụ" -> updateUnit(division, "Văn phòng", "DIVISION");
            case "edit unit in Sở Tài chính" -> updateUnit(finance, "Sở Tài chính", "DEPARTMENT");
            case "create top-level unit" ->
                post("/organization/units")
                        .with(csrf())
                        .param("kind", "OTHER")
                        .param("name", "Đơn vị thử " + System.nanoTime())
                        .param("shortName", "DVT");
            case "list accounts" -> get("/admin/accounts");
            case "open account in Sở Nội vụ" -> get("/admin/accounts/" + homeAffairsAccount);
            case "open account in Sở Tài chính" -> get("/admin/accounts/" + financeAccount);
            case "unlock account in Sở Tài chính" ->
                post("/admin/accounts/" + financeAccount + "/unlock").with(csrf());
            case "revoke an installation role" ->
                post("/admin/accounts/" + homeAffairsAccount + "/grants/removal")
                        .with(csrf())
                        .param("role", "SYSTEM_ADMIN");
            case "read audit trail" -> get("/audit");
            case "export audit trail" -> get("/audit/export.csv");
            case "adjust working calendar" ->
                post("/admin/calendar/adjustments")
                        .with(csrf())
                        .param("day", "2030-06-01")
                        .param("working", "false")
                        .param("note", "matrix");
            default -> throw new IllegalArgumentException(what);
        };
    }

    private static MockHttpServletRequestBuilder updateUnit(long id, String name, String kind) {
        return post("/organization/units/" + id)
                .with(csrf())
                .param("kind", kind)
                .param("name", name)
                .param("shortName", "X");
    }

    private long unit(String code) {
        return organization.unitByCode(code).orElseThrow().id();
    }

    private long accountIn(String unitCode) {
        long officer = organization.officersIn(unit(unitCode)).getFirst().id();
        return accounts.accountOfOfficer(officer).orElseThrow().id();
    }
}
