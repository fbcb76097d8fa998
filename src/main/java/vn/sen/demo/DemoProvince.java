package vn.sen.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.identity.AccountClass;
import vn.sen.identity.Accounts;
import vn.sen.identity.Accounts.NewAccount;
import vn.sen.meetings.DemoMeetings;
import vn.sen.organization.DelegatedRight;
import vn.sen.organization.Organization;
import vn.sen.organization.Organization.NewDelegation;
import vn.sen.organization.Organization.NewOfficer;
import vn.sen.organization.Organization.NewUnit;
import vn.sen.organization.UnitKind;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

/**
 * Builds the demo province (tỉnh mẫu): An Giang after the 2025 merger with Kiên Giang. Codes follow the
 * QCVN 102 shape ({@code 000.CC.BB.H01}) but are demo values, not the official annex.
 */
@Service
class DemoProvince {

    /** The one password of every demo account; meets the policy without a second factor. */
    static final String DEMO_PASSWORD = "Sen@2026-demo!";

    static final String ROOT_CODE = "000.00.00.H01";

    /** Demo logins printed at start-up: user name, role, where. */
    static final List<String[]> DEMO_LOGINS = List.of(
            new String[] {"quantri", "Quản trị hệ thống (xác thực hai lớp bắt buộc)", "toàn tỉnh"},
            new String[] {"kiemtoan", "Kiểm toán an ninh", "nhật ký"},
            new String[] {"qtsonoivu", "Quản trị đơn vị (xác thực hai lớp bắt buộc)", "Sở Nội vụ"},
            new String[] {"chutich", "Lãnh đạo — Chủ tịch UBND tỉnh", "UBND tỉnh"},
            new String[] {"giamdoc", "Lãnh đạo — Giám đốc Sở Nội vụ", "Sở Nội vụ"},
            new String[] {"vanthu", "Văn thư", "Văn phòng UBND tỉnh"},
            new String[] {"chuyenvien", "Chuyên viên", "Văn phòng UBND tỉnh"},
            new String[] {"thuky", "Thư ký cuộc họp", "Văn phòng UBND tỉnh"});

    private static final String[] DEPARTMENTS = {
        "Sở Nội vụ|SNV",
        "Sở Tài chính|STC",
        "Sở Tư pháp|STP",
        "Sở Công Thương|SCT",
        "Sở Nông nghiệp và Môi trường|SNNMT",
        "Sở Xây dựng|SXD",
        "Sở Khoa học và Công nghệ|SKHCN",
        "Sở Giáo dục và Đào tạo|SGDĐT",
        "Sở Y tế|SYT",
        "Sở Văn hóa, Thể thao và Du lịch|SVHTTDL",
        "Sở Dân tộc và Tôn giáo|SDTTG",
        "Sở Ngoại vụ|SNgV",
        "Thanh tra tỉnh|TTr",
        "Ban Quản lý Khu kinh tế|BQLKKT",
        "Trung tâm Phục vụ hành chính công|TTPVHCC",
        "Ban Quản lý dự án đầu tư xây dựng tỉnh|BQLDA",
        "Đài Phát thanh và Truyền hình|ĐPTTH",
        "Trường Chính trị Tôn Đức Thắng|TCT",
        "Ban Quản lý Khu du lịch Phú Quốc|BQLDL"
    };
    private static final String[] DEPARTMENT_DIVISIONS = {
        "Văn phòng", "Phòng Kế hoạch - Tài chính", "Phòng Tổ chức - Pháp chế", "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2"
    };
    private static final String[] OFFICE_DIVISIONS = {
        "Phòng Tổng hợp",
        "Phòng Kinh tế",
        "Phòng Khoa giáo - Văn xã",
        "Phòng Nội chính",
        "Phòng Hành chính - Tổ chức",
        "Trung tâm Công báo - Tin học"
    };
    private static final String[] COMMUNE_DIVISIONS = {
        "Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội"
    };
    private static final String[] NAMED_COMMUNES = {
        "Phường Long Xuyên", "Phường Bình Đức", "Phường Mỹ Thới", "Phường Châu Đốc", "Phường Vĩnh Tế",
        "Phường Rạch Giá", "Phường Vĩnh Thông", "Phường Hà Tiên", "Phường Tô Châu", "Phường Tân Châu",
        "Phường Long Phú", "Phường Tịnh Biên", "Phường Thới Sơn", "Phường Chi Lăng", "Đặc khu Phú Quốc",
        "Đặc khu Kiên Hải", "Đặc khu Thổ Châu"
    };
    private static final String[] COMMUNE_FIRST = {
        "Mỹ", "Long", "Phú", "Tân", "Bình", "Hòa", "Vĩnh", "Thạnh", "Định", "Châu"
    };
    private static final String[] COMMUNE_SECOND = {"Hòa", "An", "Lợi", "Hưng", "Đông", "Tây", "Thuận", "Phước", "Khánh"
    };

    private final Organization organization;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final DemoMeetings meetings;

    DemoProvince(Organization organization, Accounts accounts, JdbcClient jdbc, DemoMeetings meetings) {
        this.organization = organization;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.meetings = meetings;
    }

    boolean databaseIsEmpty() {
        return jdbc.sql("select count(*) from organization.unit")
                        .query(Integer.class)
                        .single()
                == 0;
    }

    boolean present() {
        return organization.unitByCode(ROOT_CODE).isPresent();
    }

    /** Builds the province and, beyond its ~3,000 accounts, synthetic communes up to {@code scale} accounts. */
    @Transactional
    Summary build(int scale) {
        UserScope system = UserScope.system();
        var units = new ArrayList<NewUnit>();
        units.add(unit(
                null, UnitKind.PEOPLES_COUNCIL, "Hội đồng nhân dân tỉnh An Giang", "HĐND", "000.00.00.K01", "K01"));
        units.add(unit(
                "000.00.00.K01", UnitKind.OFFICE, "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "VP", "000.00.01.K01", null));
        units.add(unit(null, UnitKind.PROVINCE_COMMITTEE, "Ủy ban nhân dân tỉnh An Giang", "UBND", ROOT_CODE, "H01"));
        units.add(unit(ROOT_CODE, UnitKind.OFFICE, "Văn phòng UBND tỉnh", "VP", "000.00.01.H01", "H01.01"));
        for (int d = 0; d < OFFICE_DIVISIONS.length; d++) {
            units.add(unit(
                    "000.00.01.H01",
                    UnitKind.DIVISION,
                    OFFICE_DIVISIONS[d],
                    abbreviation(OFFICE_DIVISIONS[d]),
                    String.format("000.%02d.01.H01", d + 1),
                    null));
        }
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            String[] dept = DEPARTMENTS[i].split("\\|");
            String code = String.format("000.00.%02d.H01", i + 2);
            units.add(unit(ROOT_CODE, UnitKind.DEPARTMENT, dept[0], dept[1], code, String.format("H01.%02d", i + 2)));
            for (int d = 0; d < DEPARTMENT_DIVISIONS.length; d++) {
                units.add(unit(
                        code,
                        UnitKind.DIVISION,
                        DEPARTMENT_DIVISIONS[d],
                        abbreviation(DEPARTMENT_DIVISIONS[d]),
                        String.format("000.%02d.%02d.H01", d + 1, i + 2),
                        null));
            }
        }
        List<String> communes = communeNames(102);
        for (int c = 0; c < communes.size(); c++) {
            addCommune(units, communes.get(c), c + 1);
        }
        Map<String, Long> ids = organization.importUnits(system, units, "demo-data");

        var staff = new Staff(new VietnameseNames(2026));
        staff.at(ids.get("000.00.00.K01"), "CHU_TICH", 1, Role.LEADER);
        staff.at(ids.get("000.00.00.K01"), "PHO_CHU_TICH", 2, Role.LEADER);
        staff.at(ids.get("000.00.01.K01"), "CHANH_VAN_PHONG", 1, Role.LEADER);
        staff.at(ids.get("000.00.01.K01"), "CHUYEN_VIEN", 5, Role.SPECIALIST);
        long root = ids.get(ROOT_CODE);
        staff.at(root, "CHU_TICH", 1, Role.LEADER);
        staff.at(root, "PHO_CHU_TICH", 3, Role.LEADER);
        long office = ids.get("000.00.01.H01");
        staff.at(office, "CHANH_VAN_PHONG", 1, Role.LEADER);
        staff.at(office, "PHO_CHANH_VAN_PHONG", 3, Role.LEADER);
        staff.at(office, "VAN_THU", 2, Role.CLERK);
        for (int d = 0; d < OFFICE_DIVISIONS.length; d++) {
            long division = ids.get(String.format("000.%02d.01.H01", d + 1));
            staff.at(division, "TRUONG_PHONG", 1, Role.LEADER);
            staff.at(division, "PHO_TRUONG_PHONG", 1, Role.LEADER);
            staff.at(division, "CHUYEN_VIEN", 6, Role.SPECIALIST);
        }
        staff.at(ids.get("000.05.01.H01"), "THU_KY", 2, Role.MEETING_SECRETARY);
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            long dept = ids.get(String.format("000.00.%02d.H01", i + 2));
            staff.at(dept, "GIAM_DOC", 1, Role.LEADER);
            staff.at(dept, "PHO_GIAM_DOC", 3, Role.LEADER);
            staff.at(dept, "VAN_THU", 1, Role.CLERK);
            for (int d = 0; d < DEPARTMENT_DIVISIONS.length; d++) {
                long division = ids.get(String.format("000.%02d.%02d.H01", d + 1, i + 2));
                staff.at(division, "TRUONG_PHONG", 1, Role.LEADER);
                staff.at(division, "PHO_TRUONG_PHONG", 1, Role.LEADER);
                staff.at(division, "CHUYEN_VIEN", 8, Role.SPECIALIST);
            }
        }
        for (int c = 0; c < communes.size(); c++) {
            staffCommune(staff, ids, c + 1, 4);
        }
        int extra = 0;
        while (staff.size() + DEMO_LOGINS.size() < scale) {
            int number = communes.size() + extra + 1;
            var synthetic = new ArrayList<NewUnit>();
            addCommune(synthetic, "Xã Thử nghiệm " + number, number);
            ids.putAll(organization.importUnits(system, synthetic, "demo-data --scale"));
            staffCommune(staff, ids, number, 13);
            extra++;
        }

        List<Long> officerIds = organization.importOfficers(system, staff.officers, "demo-data");
        // One account per person (level 3): the officers behind the named demo logins get those names.
        Map<String, Long> officerOf = namedOfficers(staff, officerIds, ids);
        Map<Long, String> demoLoginOf = new HashMap<>();
        officerOf.forEach((login, officer) -> demoLoginOf.put(officer, login));
        long homeAffairs = ids.get("000.00.02.H01");
        long committee = ids.get(ROOT_CODE);
        var newAccounts = new ArrayList<NewAccount>(officerIds.size() + 2);
        Set<String> usernames = new HashSet<>();
        DEMO_LOGINS.forEach(login -> usernames.add(login[0]));
        for (int i = 0; i < officerIds.size(); i++) {
            NewOfficer officer = staff.officers.get(i);
            String login = demoLoginOf.get(officerIds.get(i));
            var grants = new ArrayList<UserScope.Grant>();
            // the Office's meeting secretaries prepare the People's Committee's meetings
            Role role = staff.roles.get(i);
            grants.add(new UserScope.Grant(role, role == Role.MEETING_SECRETARY ? committee : officer.unitId(), null));
            if (role == Role.MEETING_SECRETARY) {
                // they also draft the conclusion notices in their own division
                grants.add(new UserScope.Grant(Role.SPECIALIST, officer.unitId(), null));
            }
            AccountClass accountClass = AccountClass.USER;
            if ("qtsonoivu".equals(login)) {
                grants.add(new UserScope.Grant(Role.UNIT_ADMIN, homeAffairs, null));
                accountClass = AccountClass.ADMIN;
            }
            String username = login != null ? login : unique(VietnameseNames.username(officer.fullName()), usernames);
            newAccounts.add(new NewAccount(username, officerIds.get(i), accountClass, DEMO_PASSWORD, false, grants));
        }
        newAccounts.add(new NewAccount(
                "quantri",
                null,
                AccountClass.ADMIN,
                DEMO_PASSWORD,
                false,
                List.of(new UserScope.Grant(Role.SYSTEM_ADMIN, null, null))));
        newAccounts.add(new NewAccount(
                "kiemtoan",
                null,
                AccountClass.USER,
                DEMO_PASSWORD,
                false,
                List.of(new UserScope.Grant(Role.SECURITY_AUDITOR, null, null))));
        accounts.importAccounts(system, newAccounts, "demo-data");

        // A concurrent position and a delegation, so the screens have something to show.
        long chairman = officerOf.get("chutich");
        long viceChairman = staff.first(root, "PHO_CHU_TICH", officerIds);
        organization.appoint(system, viceChairman, ids.get("000.00.00.K01"), "UY_VIEN", false, LocalDate.now());
        LocalDate today = LocalDate.now();
        organization.delegate(
                system,
                new NewDelegation(
                        chairman,
                        viceChairman,
                        root,
                        DelegatedRight.SIGNING,
                        today,
                        today.plusDays(30),
                        "Ủy quyền ký thay trong thời gian Chủ tịch đi công tác"));
        meetings.create(ROOT_CODE, "thuky", officerOf.get("thuky"), "chutich");
        return new Summary(ids.size(), officerIds.size(), newAccounts.size());
    }

    /** The officers behind the named demo logins (they also keep their own name-based accounts). */
    private static Map<String, Long> namedOfficers(Staff staff, List<Long> officerIds, Map<String, Long> ids) {
        var result = new HashMap<String, Long>();
        result.put("chutich", staff.first(ids.get(ROOT_CODE), "CHU_TICH", officerIds));
        result.put("giamdoc", staff.first(ids.get("000.00.02.H01"), "GIAM_DOC", officerIds));
        result.put("vanthu", staff.first(ids.get("000.00.01.H01"), "VAN_THU", officerIds));
        result.put("chuyenvien", staff.first(ids.get("000.01.01.H01"), "CHUYEN_VIEN", officerIds));
        result.put("thuky", staff.first(ids.get("000.05.01.H01"), "THU_KY", officerIds));
        result.put("qtsonoivu", staff.first(ids.get("000.03.02.H01"), "CHUYEN_VIEN", officerIds));
        return result;
    }

    private static void addCommune(List<NewUnit> units, String name, int number) {
        String code = communeCode(number);
        UnitKind kind = UnitKind.COMMUNE;
        units.add(unit(ROOT_CODE, kind, "UBND " + name, "UBND", code, "H01." + (100 + number)));
        for (int d = 0; d < COMMUNE_DIVISIONS.length; d++) {
            units.add(unit(
                    code,
                    UnitKind.DIVISION,
                    COMMUNE_DIVISIONS[d],
                    abbreviation(COMMUNE_DIVISIONS[d]),
                    communeCode(number) + "." + (d + 1),
                    null));
        }
    }

    private static void staffCommune(Staff staff, Map<String, Long> ids, int number, int specialists) {
        long commune = ids.get(communeCode(number));
        staff.at(commune, "CHU_TICH", 1, Role.LEADER);
        staff.at(commune, "PHO_CHU_TICH", 2, Role.LEADER);
        staff.at(commune, "VAN_THU", 1, Role.CLERK);
        for (int d = 0; d < COMMUNE_DIVISIONS.length; d++) {
            long division = ids.get(communeCode(number) + "." + (d + 1));
            staff.at(division, "TRUONG_PHONG", 1, Role.LEADER);
            staff.at(division, "CHUYEN_VIEN", specialists, Role.SPECIALIST);
        }
    }

    /** Demo commune codes: level-3 numbers under a level-2 block per hundred communes. */
    private static String communeCode(int number) {
        return String.format("000.%02d.%02d.H01", number % 100, 50 + number / 100);
    }

    private static List<String> communeNames(int count) {
        var names = new ArrayList<String>(List.of(NAMED_COMMUNES));
        outer:
        for (String first : COMMUNE_FIRST) {
            for (String second : COMMUNE_SECOND) {
                if (names.size() >= count) {
                    break outer;
                }
                names.add("Xã " + first + " " + second);
            }
        }
        return names;
    }

    private static NewUnit unit(
            String parentCode, UnitKind kind, String name, String shortName, String code, String axis) {
        return new NewUnit(null, parentCode, kind, name, shortName, code, axis, 0);
    }

    private static String abbreviation(String name) {
        var sb = new StringBuilder();
        for (String word : VietnameseNames.fold(name).replace("-", " ").split("\\s+")) {
            if (!word.isEmpty()) {
                sb.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return sb.toString();
    }

    private static String unique(String base, Set<String> taken) {
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    /** Officers to create, in order, with the role each gets in their unit. */
    private static final class Staff {
        final VietnameseNames names;
        final List<NewOfficer> officers = new ArrayList<>();
        final List<Role> roles = new ArrayList<>();
        final Map<String, Integer> firstIndex = new LinkedHashMap<>();

        Staff(VietnameseNames names) {
            this.names = names;
        }

        void at(long unitId, String position, int count, Role role) {
            for (int i = 0; i < count; i++) {
                firstIndex.putIfAbsent(unitId + "/" + position, officers.size());
                String name = names.next();
                String email = VietnameseNames.username(name) + officers.size() + "@angiang.gov.vn";
                officers.add(new NewOfficer(name, email, null, unitId, position));
                roles.add(role);
            }
        }

        long first(long unitId, String position, List<Long> officerIds) {
            return officerIds.get(firstIndex.get(unitId + "/" + position));
        }

        int size() {
            return officers.size();
        }
    }

    record Summary(int units, int officers, int accounts) {}
}
