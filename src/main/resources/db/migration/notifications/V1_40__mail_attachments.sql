-- Mails may carry one attachment (an invitation's iCalendar file) and may go to an address that has no
-- account (a guest from outside): then the mail holds its own subject, text and link.
alter table notifications.mail
    alter column notice_id drop not null,
    add column subject         varchar(300),
    add column text            varchar(4000),
    add column link            varchar(500),
    add column attachment_name varchar(200),
    add column attachment_type varchar(200),
    add column attachment      bytea,
    add constraint mail_has_content check (notice_id is not null or subject is not null);
