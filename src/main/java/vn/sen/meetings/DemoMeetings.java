package vn.sen.meetings;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.sen.files.FileManagement;
import vn.sen.meetings.Agenda.ItemForm;
import vn.sen.meetings.MeetingViews.MeetingTypeView;
import vn.sen.meetings.MeetingViews.NewMeeting;
import vn.sen.meetings.MeetingViews.Repeat;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.OfficerView;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

/**
 * The demo province's meetings: a meeting room of the People's Committee and its next regular session —
 * the Chairman chairing, the Vice-Chairmen and department directors invited, an agenda with presenters,
 * approved documents (one restricted) — with the invitations sent.
 */
@Service
public class DemoMeetings {

    private final Meetings meetings;
    private final MeetingTypes types;
    private final Rooms rooms;
    private final Agenda agenda;
    private final MeetingDocuments documents;
    private final FileManagement files;
    private final Organization organization;
    private final Clock clock;

    DemoMeetings(
            Meetings meetings,
            MeetingTypes types,
            Rooms rooms,
            Agenda agenda,
            MeetingDocuments documents,
            FileManagement files,
            Organization organization,
            Clock clock) {
        this.meetings = meetings;
        this.types = types;
        this.rooms = rooms;
        this.agenda = agenda;
        this.documents = documents;
        this.files = files;
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * Creates the room and the session for the committee with code {@code committeeCode}, prepared by the
     * meeting secretary {@code secretary} (an officer of the committee's office) and chaired by its chairman.
     */
    public long create(String committeeCode, String secretaryLogin, long secretaryOfficerId, String chairmanLogin) {
        UnitView committee = organization.unitByCode(committeeCode).orElseThrow();
        List<OfficerView> leaders = organization.officersIn(committee.id());
        OfficerView chairman = holding(leaders, "CHU_TICH").getFirst();
        List<OfficerView> vices = holding(leaders, "PHO_CHU_TICH");
        UserScope secretary = new UserScope(
                0,
                secretaryLogin,
                secretaryOfficerId,
                List.of(new UserScope.Grant(Role.MEETING_SECRETARY, committee.id(), committee.path())));
        UserScope chair = new UserScope(
                0,
                chairmanLogin,
                chairman.id(),
                List.of(new UserScope.Grant(Role.LEADER, committee.id(), committee.path())));
        long room = rooms.create(
                secretary, committee.id(), "Phòng họp số 1", "Tầng 2, trụ sở UBND tỉnh", 6, 10, "A5 B5 C5 D5 E5 F5");
        LocalDate day = LocalDate.now(clock).plusDays(8);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        MeetingTypeView regular = types.all().stream()
                .filter(t -> t.code().equals("THUONG_KY"))
                .findFirst()
                .orElseThrow();
        long id = meetings.schedule(
                        secretary,
                        new NewMeeting(
                                committee.id(),
                                regular.id(),
                                "Phiên họp thường kỳ tháng " + day.getMonthValue() + " của UBND tỉnh",
                                "Đánh giá tình hình kinh tế - xã hội; cho ý kiến các dự thảo trình HĐND tỉnh.",
                                LocalDateTime.of(day, LocalTime.of(8, 0)),
                                LocalDateTime.of(day, LocalTime.of(11, 30)),
                                room,
                                "",
                                chairman.id(),
                                secretaryOfficerId,
                                "",
                                Repeat.NONE,
                                1))
                .getFirst();
        List<Long> invited = new ArrayList<>(vices.stream().map(OfficerView::id).toList());
        List<OfficerView> directors = new ArrayList<>();
        List<UnitView> departments = organization.children(committee.id()).stream()
                .sorted(java.util.Comparator.comparing(u -> u.code() == null ? "~" : u.code()))
                .toList();
        for (UnitView department : departments) {
            List<OfficerView> heads = holding(organization.officersIn(department.id()), "GIAM_DOC");
            if (!heads.isEmpty() && directors.size() < 12) {
                directors.add(heads.getFirst());
            }
        }
        directors.forEach(d -> invited.add(d.id()));
        meetings.inviteOfficers(secretary, id, invited);
        var items = List.of(
                new ItemForm(
                        "Tình hình kinh tế - xã hội tháng, nhiệm vụ trọng tâm tháng tới",
                        directors.get(1).id(),
                        "",
                        45),
                new ItemForm(
                        "Dự thảo Nghị quyết về phân bổ dự toán ngân sách năm sau",
                        directors.get(1).id(),
                        "",
                        40),
                new ItemForm(
                        "Phương án sắp xếp các đơn vị sự nghiệp công lập",
                        directors.getFirst().id(),
                        "",
                        30));
        List<Long> itemIds = new ArrayList<>();
        for (ItemForm item : items) {
            itemIds.add(agenda.add(secretary, id, item));
        }
        approved(secretary, chair, id, itemIds.get(0), "Báo cáo tình hình kinh tế - xã hội", false, List.of(), 3);
        approved(secretary, chair, id, itemIds.get(1), "Dự thảo Nghị quyết phân bổ dự toán", false, List.of(), 2);
        approved(
                secretary,
                chair,
                id,
                itemIds.get(2),
                "Phương án nhân sự (tài liệu hạn chế)",
                true,
                List.of(directors.getFirst().id(), vices.getFirst().id()),
                2);
        meetings.invite(secretary, id);
        return id;
    }

    private void approved(
            UserScope secretary,
            UserScope chair,
            long meeting,
            long item,
            String title,
            boolean restricted,
            List<Long> readers,
            int pages) {
        long doc = documents.add(secretary, meeting, item, title, pdf(title, pages, secretary), restricted, readers);
        documents.approve(chair, meeting, doc, 1);
    }

    private static List<OfficerView> holding(List<OfficerView> officers, String position) {
        return officers.stream()
                .filter(o ->
                        o.appointments().stream().anyMatch(a -> a.positionCode().equals(position)))
                .toList();
    }

    private UUID pdf(String title, int pages, UserScope owner) {
        var text = new StringBuilder();
        for (int i = 1; i <= pages; i++) {
            text.append(i == 1 ? title : title + " — trang " + i).append("\n\n");
            for (int line = 1; line <= 30; line++) {
                text.append("Nội dung ").append(line).append(": số liệu, đánh giá và đề xuất của cơ quan chủ trì.\n");
            }
            text.append(i < pages ? "\f" : "");
        }
        return TextPdf.store(files, text.toString(), title + ".pdf", owner.username())
                .id();
    }
}
