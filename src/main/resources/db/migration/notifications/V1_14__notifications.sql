create schema if not exists notifications;

-- Notification (thông báo): one per account; the key makes a repeated reminder a no-op.
create table notifications.notice (
    id         bigint        generated always as identity primary key,
    username   varchar(100)  not null,
    key        varchar(200)  not null,
    subject    varchar(300)  not null,
    text       varchar(4000) not null default '',
    link       varchar(500)  not null default '',
    created_at timestamptz   not null default now(),
    read_at    timestamptz,
    unique (username, key)
);
create index notice_unread on notifications.notice (username, id desc) where read_at is null;
create index notice_recent on notifications.notice (username, id desc);

-- E-mail outbox: sent after the notifying transaction commits, retried with backoff when the mail
-- server is away, given up after a number of attempts (the in-app notice stays).
create table notifications.mail (
    id            bigint        generated always as identity primary key,
    notice_id     bigint        not null references notifications.notice,
    address       varchar(200)  not null,
    state         varchar(8)    not null default 'PENDING' check (state in ('PENDING', 'SENT', 'FAILED')),
    attempts      int           not null default 0,
    next_attempt  timestamptz   not null default now(),
    last_error    varchar(500)  not null default '',
    sent_at       timestamptz
);
create index mail_pending on notifications.mail (next_attempt) where state = 'PENDING';
