-- Conclusion notice (thông báo kết luận, QĐ 45/2018): issued within 5 working days after the meeting,
-- counted from the day it closed. Drafted by the organisers, sent to the e-office as an outgoing draft
-- (type TB) that follows the usual review, signature and release; issued when that document is released.
-- WAIVED: the organisers recorded why no notice is issued (reminders stop).
create table meetings.conclusion (
    meeting_id    bigint        primary key references meetings.meeting on delete cascade,
    text          text          not null,
    state         varchar(10)   not null default 'DRAFT' check (state in ('DRAFT', 'SENT', 'ISSUED', 'WAIVED')),
    outgoing_id   bigint        unique,
    number        varchar(100)  not null default '',
    issued_on     date,
    waived_reason varchar(1000) not null default '',
    edited_by     varchar(100)  not null,
    edited_at     timestamptz   not null default now()
);

-- Each conclusion item (nội dung kết luận, nhiệm vụ giao): a lead unit (chủ trì), coordinating units
-- (phối hợp) and a deadline when it is a task; published for task tracking once the notice is issued.
create table meetings.conclusion_item (
    id                    bigint        generated always as identity primary key,
    meeting_id            bigint        not null references meetings.conclusion on delete cascade,
    position              int           not null,
    content               varchar(4000) not null,
    lead_unit_id          bigint,
    coordinating_unit_ids bigint[]      not null default '{}',
    deadline              date,
    unique (meeting_id, position)
);
