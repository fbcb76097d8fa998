-- Minutes (biên bản cuộc họp): drafted from the session record after the meeting, edited by the
-- organisers, approved by the chair (then kept as a PDF).
create table meetings.minutes (
    meeting_id  bigint       primary key references meetings.meeting on delete cascade,
    text        text         not null,
    state       varchar(10)  not null default 'DRAFT' check (state in ('DRAFT', 'APPROVED')),
    drafted_at  timestamptz  not null default now(),
    edited_by   varchar(100) not null,
    edited_at   timestamptz  not null default now(),
    approved_by varchar(100),
    approved_at timestamptz,
    file_id     uuid
);
