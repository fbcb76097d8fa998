-- Opinion collection (lấy ý kiến): a question with documents and a deadline put to chosen officers,
-- before or instead of a meeting; each answers agree / disagree / other, with a comment, and may change
-- the answer until the deadline.
create table meetings.opinion_request (
    id          bigint        generated always as identity primary key,
    unit_id     bigint        not null,
    meeting_id  bigint        references meetings.meeting on delete set null,
    title       varchar(500)  not null,
    question    varchar(4000) not null,
    deadline    timestamptz   not null,
    created_by  varchar(100)  not null,
    created_at  timestamptz   not null default now(),
    closed_at   timestamptz,
    reminded_at timestamptz
);
create index opinion_request_deadline on meetings.opinion_request (deadline) where closed_at is null;

create table meetings.opinion_recipient (
    request_id bigint not null references meetings.opinion_request on delete cascade,
    officer_id bigint not null,
    primary key (request_id, officer_id)
);
create index opinion_recipient_officer on meetings.opinion_recipient (officer_id);

create table meetings.opinion_document (
    request_id bigint       not null references meetings.opinion_request on delete cascade,
    position   int          not null,
    file_id    uuid         not null,
    primary key (request_id, position)
);

create table meetings.opinion_answer (
    request_id  bigint        not null references meetings.opinion_request on delete cascade,
    officer_id  bigint        not null,
    choice      varchar(10)   not null check (choice in ('AGREE', 'DISAGREE', 'OTHER')),
    comment     varchar(4000) not null default '',
    answered_at timestamptz   not null default now(),
    answered_by varchar(100)  not null,
    primary key (request_id, officer_id),
    foreign key (request_id, officer_id) references meetings.opinion_recipient
);
