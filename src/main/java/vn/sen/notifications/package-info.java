/**
 * Notifications (thông báo): in-app notices per account and the e-mails that go with them, for any
 * module that needs to reach people — deadline reminders of documents now, meetings and tasks later.
 *
 * <p>A notice is addressed to officers or units; a unit means the accounts with the chosen roles on it.
 * E-mail leaves through an outbox after the business transaction commits and is retried while the mail
 * server is unreachable; without a configured mail server ({@code spring.mail.host}) only the in-app
 * notice exists.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "identity"})
package vn.sen.notifications;
