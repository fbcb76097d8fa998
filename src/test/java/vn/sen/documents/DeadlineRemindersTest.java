package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.sen.calendar.WorkingDays;
import vn.sen.documents.IncomingViews.NewIncoming;
import vn.sen.documents.RoutingViews.Assignee;
import vn.sen.documents.RoutingViews.Assignment;
import vn.sen.identity.AccountClass;
import vn.sen.identity.Accounts;
import vn.sen.identity.Accounts.NewAccount;
import vn.sen.notifications.Notifications;
import vn.sen.notifications.Notifications.NoticeView;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

/**
 * Assignments and deadlines reach people: in the app at once, and by e-mail through a real SMTP server
 * (GreenMail) for urgent work and for the morning reminders.
 */
@SpringBootTest(properties = {"spring.mail.host=localhost", "spring.mail.port=3025"})
class DeadlineRemindersTest extends DocumentsScenario {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Routing routing;

    @Autowired
    DocumentNotices notices;

    @Autowired
    Notifications notifications;

    @Autowired
    Accounts accounts;

    @Autowired
    WorkingDays workingDays;

    String specialistAccount;
    String departmentAccount;
    String specialistEmail;

    @BeforeEach
    void accountsWithAddresses() {
        var system = UserScope.system();
        String tag = drafter.username();
        specialistEmail = tag + "@vanphong.example.gov.vn";
        var specialist = organization.requireOfficer(drafter.officerId());
        organization.updateOfficer(system, specialist.id(), specialist.fullName(), specialistEmail, null);
        specialistAccount = accounts.create(
                        system,
                        new NewAccount(
                                "acc" + tag,
                                drafter.officerId(),
                                AccountClass.USER,
                                "Nhắc-việc-2026!xyz",
                                false,
                                List.of(new UserScope.Grant(Role.SPECIALIST, office, null))))
                .username();
        departmentAccount = accounts.create(
                        system,
                        new NewAccount(
                                "vts-acc" + tag,
                                null,
                                AccountClass.USER,
                                "Nhắc-việc-2026!xyz",
                                false,
                                List.of(new UserScope.Grant(Role.CLERK, department, null))))
                .username();
    }

    private long registered(Urgency urgency) {
        return incoming.register(
                        committeeClerk,
                        new NewIncoming(
                                committee,
                                null,
                                "",
                                "Bộ Nội vụ",
                                Long.toString(System.nanoTime() % 100_000),
                                "BNV-TCBC",
                                DocumentType.OFFICIAL_LETTER,
                                LocalDate.now(clock),
                                "Báo cáo số lượng cán bộ, công chức cấp xã",
                                "",
                                "",
                                urgency,
                                Confidentiality.NORMAL,
                                null,
                                null,
                                "",
                                List.of(),
                                false))
                .id();
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> GreenMailUtil.getAddressList(uncheck(m)).contains(address))
                .toList();
    }

    private static jakarta.mail.Address[] uncheck(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_assignment_reaches_the_officer_and_the_clerks_of_a_coordinating_unit_in_the_app() {
        long doc = registered(Urgency.NORMAL);
        LocalDate due = workingDays.plusWorkingDays(LocalDate.now(clock), 5);
        routing.assign(
                chairman,
                doc,
                new Assignment(
                        Assignee.officer(drafter.officerId()),
                        List.of(Assignee.unit(department)),
                        List.of(),
                        "Chủ trì tham mưu",
                        due));
        assertThat(notifications.recent(specialistAccount, 10)).singleElement().satisfies(n -> {
            assertThat(n.subject()).startsWith("Văn bản đến cần xử lý (chủ trì)");
            assertThat(n.link()).isEqualTo("/documents/incoming/" + doc);
            assertThat(n.read()).isFalse();
        });
        assertThat(notifications.recent(departmentAccount, 10))
                .singleElement()
                .satisfies(n -> assertThat(n.subject()).contains("phối hợp"));
        assertThat(mailTo(specialistEmail)).as("normal documents: no e-mail").isEmpty();
        assertThat(notifications.open(
                        departmentAccount,
                        notifications.recent(specialistAccount, 1).getFirst().id()))
                .as("one may not open another account's notice")
                .isEmpty();
        long id = notifications.recent(specialistAccount, 1).getFirst().id();
        assertThat(notifications.unread(specialistAccount)).isEqualTo(1);
        assertThat(notifications.open(specialistAccount, id)).contains("/documents/incoming/" + doc);
        assertThat(notifications.unread(specialistAccount)).isZero();
    }

    @Test
    void urgent_work_is_mailed_at_once() throws Exception {
        long doc = registered(Urgency.FLASH);
        routing.assign(
                chairman,
                doc,
                new Assignment(Assignee.officer(drafter.officerId()), List.of(), List.of(), "Xử lý ngay", null));
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = mailTo(specialistEmail).getFirst();
        assertThat(message.getSubject()).startsWith("[Sen] [Hỏa tốc] Văn bản đến cần xử lý");
        assertThat(GreenMailUtil.getBody(message)).contains("/documents/incoming/" + doc);
    }

    @Test
    void reminders_go_once_before_the_deadline_and_once_when_it_has_passed() throws Exception {
        long doc = registered(Urgency.NORMAL);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = workingDays.plusWorkingDays(today, 1);
        routing.assign(
                chairman,
                doc,
                new Assignment(
                        Assignee.officer(drafter.officerId()), List.of(Assignee.unit(department)), List.of(), "", due));

        assertThat(notices.remind(workingDays.plusWorkingDays(today, -5)))
                .as("too early: nothing")
                .isZero();
        int first = notices.remind(today);
        assertThat(first).as("the lead and the coordinating unit's clerk").isEqualTo(2);
        assertThat(notices.remind(today))
                .as("run again the same day: nothing new")
                .isZero();
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(mailTo(specialistEmail))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).startsWith("[Sen] Văn bản sắp đến hạn xử lý"));

        LocalDate later = workingDays.plusWorkingDays(due, 2);
        assertThat(notices.remind(later)).isEqualTo(2);
        List<NoticeView> mine = notifications.recent(specialistAccount, 10);
        assertThat(mine.getFirst().subject()).startsWith("Văn bản quá hạn xử lý");
        assertThat(mine.getFirst().text()).startsWith("Đã quá hạn 2 ngày làm việc");
        assertThat(mail.waitForIncomingEmail(10_000, 2)).isTrue();

        routing.start(drafter, routing.heldBy(drafter, doc).getFirst().id());
        routing.complete(drafter, routing.heldBy(drafter, doc).getFirst().id(), "Đã báo cáo");
        assertThat(notices.remind(workingDays.plusWorkingDays(due, 3)))
                .as("the lead's result closes the document: no more reminders to anyone")
                .isZero();
    }
}
