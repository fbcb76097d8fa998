package vn.sen.meetings;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.files.FileManagement;
import vn.sen.identity.AccountClass;
import vn.sen.identity.Accounts;
import vn.sen.identity.Accounts.NewAccount;
import vn.sen.meetings.MeetingViews.MeetingTypeView;
import vn.sen.meetings.MeetingViews.NewMeeting;
import vn.sen.meetings.MeetingViews.Repeat;
import vn.sen.organization.Organization;
import vn.sen.organization.Organization.NewOfficer;
import vn.sen.organization.Organization.NewUnit;
import vn.sen.organization.UnitKind;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

/**
 * A People's Committee of its own for each test: its Office with a meeting secretary, the Chairman and a
 * Vice-Chairman, two departments each with a director and a clerk, and someone from elsewhere.
 */
abstract class MeetingsScenario {

    @Autowired
    Meetings meetings;

    @Autowired
    MeetingTypes types;

    @Autowired
    Rooms rooms;

    @Autowired
    Agenda agenda;

    @Autowired
    MeetingDocuments documents;

    @Autowired
    Organization organization;

    @Autowired
    FileManagement files;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    String tag;
    long committee;
    long office;
    long finance;
    long justice;
    long chairmanOfficer;
    long viceOfficer;
    long secretaryOfficer;
    long financeDirectorOfficer;
    long financeDeputyOfficer;
    long justiceDirectorOfficer;
    long outsiderOfficer;
    UserScope chairman;
    UserScope vice;
    UserScope secretary;
    UserScope financeDirector;
    UserScope financeDeputy;
    UserScope financeClerk;
    UserScope justiceDirector;
    UserScope outsider;
    long room;

    @BeforeEach
    void aCommitteeWithItsOfficeAndTwoDepartments() {
        var system = UserScope.system();
        tag = Long.toString(System.nanoTime(), 36);
        committee = unit(system, null, UnitKind.PROVINCE_COMMITTEE, "UBND " + tag, "UBND");
        office = unit(system, committee, UnitKind.OFFICE, "Văn phòng " + tag, "VP");
        finance = unit(system, committee, UnitKind.DEPARTMENT, "Sở Tài chính " + tag, "STC");
        justice = unit(system, committee, UnitKind.DEPARTMENT, "Sở Tư pháp " + tag, "STP");
        long elsewhere = unit(system, null, UnitKind.PROVINCE_COMMITTEE, "UBND khác " + tag, "UBND");
        chairmanOfficer = officer(system, "Chủ tịch " + tag, committee, "CHU_TICH");
        viceOfficer = officer(system, "Phó Chủ tịch " + tag, committee, "PHO_CHU_TICH");
        secretaryOfficer = officer(system, "Thư ký " + tag, office, "CHUYEN_VIEN");
        financeDirectorOfficer = officer(system, "Giám đốc STC " + tag, finance, "GIAM_DOC");
        financeDeputyOfficer = officer(system, "Phó Giám đốc STC " + tag, finance, "PHO_GIAM_DOC");
        justiceDirectorOfficer = officer(system, "Giám đốc STP " + tag, justice, "GIAM_DOC");
        outsiderOfficer = officer(system, "Người ngoài " + tag, elsewhere, "CHUYEN_VIEN");
        chairman = scope("ct" + tag, chairmanOfficer, Role.LEADER, committee);
        vice = scope("pct" + tag, viceOfficer, Role.LEADER, committee);
        secretary = scope("tk" + tag, secretaryOfficer, Role.MEETING_SECRETARY, committee);
        financeDirector = scope("gd" + tag, financeDirectorOfficer, Role.LEADER, finance);
        financeDeputy = scope("pgd" + tag, financeDeputyOfficer, Role.SPECIALIST, finance);
        financeClerk = scope("vt" + tag, null, Role.CLERK, finance);
        justiceDirector = scope("gdtp" + tag, justiceDirectorOfficer, Role.LEADER, justice);
        outsider = scope("x" + tag, outsiderOfficer, Role.LEADER, elsewhere);
        room = rooms.create(secretary, committee, "Phòng họp số 1 " + tag, "Tầng 3", 3, 4, "B4");
    }

    long unit(UserScope system, Long parent, UnitKind kind, String name, String shortName) {
        return organization.createUnit(system, new NewUnit(parent, null, kind, name, shortName, null, null, 0));
    }

    long officer(UserScope system, String name, long unit, String position) {
        return organization.createOfficer(system, new NewOfficer(name, null, null, unit, position));
    }

    /** A real account (so that notices reach it) and its scope. */
    UserScope scope(String username, Long officer, Role role, long unitId) {
        var account = accounts.create(
                UserScope.system(),
                new NewAccount(
                        username,
                        officer,
                        AccountClass.USER,
                        "Cuộc-họp-2026!xyz",
                        false,
                        List.of(new UserScope.Grant(role, unitId, null))));
        return new UserScope(
                account.id(),
                username,
                officer,
                List.of(new UserScope.Grant(
                        role, unitId, organization.requireUnit(unitId).path())));
    }

    MeetingTypeView type(String code) {
        return types.all().stream()
                .filter(t -> t.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** A weekday some weeks ahead: far enough for every lead time, clear of holidays in tests. */
    LocalDate aDayAhead(int weeks) {
        return LocalDate.now(clock).plusWeeks(weeks).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
    }

    NewMeeting meetingOn(LocalDate day, int fromHour, int toHour, String typeCode, Long roomId, long chair) {
        return meetingAt(
                LocalDateTime.of(day, LocalTime.of(fromHour, 0)),
                LocalDateTime.of(day, LocalTime.of(toHour, 0)),
                typeCode,
                roomId,
                chair);
    }

    NewMeeting meetingAt(LocalDateTime start, LocalDateTime end, String typeCode, Long roomId, long chair) {
        return new NewMeeting(
                committee,
                type(typeCode).id(),
                "Phiên họp " + tag + " " + start,
                "Kiểm điểm công tác tháng",
                start,
                end,
                roomId,
                "",
                chair,
                secretaryOfficer,
                "https://hop.angiang.gov.vn/phong-1",
                Repeat.NONE,
                1);
    }

    /**
     * An urgent meeting in room 1 starting in half an hour (so its session may open now), chaired by the
     * Chairman, with {@code invited} on the list; invitations not yet sent.
     */
    long aMeetingSoon(List<Long> invited) {
        var start = LocalDateTime.now(clock).plusMinutes(30).withSecond(0).withNano(0);
        long id = meetings.schedule(secretary, meetingAt(start, start.plusHours(2), "DOT_XUAT", room, chairmanOfficer))
                .getFirst();
        meetings.inviteOfficers(secretary, id, invited);
        return id;
    }

    /** A meeting of the committee chaired by the Chairman in room 1, with both department directors invited. */
    long aMeeting() {
        long id = meetings.schedule(secretary, meetingOn(aDayAhead(3), 8, 11, "THUONG_KY", room, chairmanOfficer))
                .getFirst();
        meetings.inviteOfficers(secretary, id, List.of(viceOfficer, financeDirectorOfficer, justiceDirectorOfficer));
        return id;
    }

    /** A real PDF with one line of text on each of {@code pages} pages. */
    UUID pdf(UserScope who, String text, int pages) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                var page = new PDPage();
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    content.newLineAtOffset(72, 700);
                    content.showText(text + " " + (i + 1));
                    content.endText();
                }
            }
            document.getDocumentInformation().setTitle(UUID.randomUUID().toString());
            document.save(bytes);
        }
        return files.store(new ByteArrayInputStream(bytes.toByteArray()), "tai-lieu.pdf", who.username())
                .id();
    }

    void setState(long meetingId, String state) {
        jdbc.sql("update meetings.meeting set state = :s where id = :id")
                .param("s", state)
                .param("id", meetingId)
                .update();
    }
}
