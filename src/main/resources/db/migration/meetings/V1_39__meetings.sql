create schema if not exists meetings;
-- Exclusion constraints on (room, time range) and (chair, time range) need = on bigint inside GiST.
create extension if not exists btree_gist;

-- Meeting type (loại cuộc họp): how long before the meeting invitations must go out (working days;
-- 0 for urgent meetings) and how long a meeting of the type may last.
create table meetings.meeting_type (
    id                bigint       generated always as identity primary key,
    code              varchar(30)  not null unique,
    name_vi           varchar(200) not null,
    name_en           varchar(200) not null,
    lead_working_days int          not null check (lead_working_days between 0 and 30),
    max_minutes       int          not null check (max_minutes between 15 and 1440),
    active            boolean      not null default true
);
insert into meetings.meeting_type (code, name_vi, name_en, lead_working_days, max_minutes) values
    ('THUONG_KY', 'Phiên họp thường kỳ', 'Regular session', 3, 480),
    ('CHUYEN_DE', 'Họp chuyên đề', 'Thematic meeting', 3, 240),
    ('GIAO_BAN', 'Họp giao ban', 'Briefing', 1, 180),
    ('HOI_NGHI', 'Hội nghị', 'Conference', 5, 480),
    ('DOT_XUAT', 'Họp đột xuất, khẩn', 'Urgent meeting', 0, 240);

-- Meeting room (phòng họp) of a unit, with its seats on a grid and the token its check-in QR code holds.
create table meetings.room (
    id            bigint       generated always as identity primary key,
    unit_id       bigint       not null,
    name          varchar(200) not null,
    location      varchar(300) not null default '',
    rows          int          not null check (rows between 1 and 60),
    cols          int          not null check (cols between 1 and 60),
    checkin_token varchar(64)  not null unique,
    active        boolean      not null default true,
    unique (unit_id, name)
);
create table meetings.seat (
    room_id bigint      not null references meetings.room on delete cascade,
    label   varchar(10) not null,
    row_no  int         not null,
    col_no  int         not null,
    primary key (room_id, label),
    unique (room_id, row_no, col_no)
);

-- Meeting (cuộc họp). A room and a chair cannot be in two meetings at once (cancelled ones aside):
-- the exclusion constraints decide races that the screen's check cannot.
create table meetings.meeting (
    id                   bigint        generated always as identity primary key,
    unit_id              bigint        not null,
    type_id              bigint        not null references meetings.meeting_type,
    title                varchar(500)  not null,
    description          varchar(4000) not null default '',
    room_id              bigint        references meetings.room,
    place                varchar(300)  not null default '',
    starts_at            timestamptz   not null,
    ends_at              timestamptz   not null,
    chair_officer_id     bigint        not null,
    secretary_officer_id bigint,
    video_url            varchar(500)  not null default '',
    state                varchar(10)   not null default 'DRAFT'
        check (state in ('DRAFT', 'INVITED', 'OPEN', 'CLOSED', 'CANCELLED')),
    sequence             int           not null default 0,
    invited_at           timestamptz,
    opened_at            timestamptz,
    closed_at            timestamptz,
    series_id            uuid,
    series_index         int,
    created_by           varchar(100)  not null,
    created_at           timestamptz   not null default now(),
    check (ends_at > starts_at),
    constraint meeting_room_busy exclude using gist (room_id with =, tstzrange(starts_at, ends_at) with &&)
        where (state <> 'CANCELLED' and room_id is not null),
    constraint meeting_chair_busy exclude using gist (chair_officer_id with =, tstzrange(starts_at, ends_at) with &&)
        where (state <> 'CANCELLED')
);
create index meeting_unit_start on meetings.meeting (unit_id, starts_at);
create index meeting_start on meetings.meeting (starts_at);
create index meeting_series on meetings.meeting (series_id) where series_id is not null;

-- Participant (thành phần): an officer, a unit (which names who attends) or a guest from outside.
-- attendee_officer_id is the person who comes: the officer, the substitute he sent, or the unit's
-- representative; ballots and check-in belong to the participant row, so a substitute and the
-- officer he stands for share one.
create table meetings.participant (
    id                  bigint        generated always as identity primary key,
    meeting_id          bigint        not null references meetings.meeting on delete cascade,
    role                varchar(10)   not null check (role in ('CHAIR', 'SECRETARY', 'MEMBER', 'GUEST')),
    officer_id          bigint,
    unit_id             bigint,
    guest_name          varchar(200),
    guest_email         varchar(200)  not null default '',
    guest_organisation  varchar(300)  not null default '',
    response            varchar(10)   not null default 'PENDING'
        check (response in ('PENDING', 'ATTEND', 'ABSENT', 'SUBSTITUTE')),
    reason              varchar(1000) not null default '',
    attendee_officer_id bigint,
    responded_by        varchar(100),
    responded_at        timestamptz,
    voting              boolean       not null default true,
    weight              numeric(8, 3) not null default 1 check (weight > 0),
    seat_label          varchar(10),
    checked_in_at       timestamptz,
    checkin_method      varchar(10)   check (checkin_method in ('QR', 'SECRETARY', 'SEAT')),
    check (num_nonnulls(officer_id, unit_id, guest_name) = 1)
);
create unique index participant_officer on meetings.participant (meeting_id, officer_id) where officer_id is not null;
create unique index participant_unit on meetings.participant (meeting_id, unit_id) where unit_id is not null;
create unique index participant_attendee on meetings.participant (meeting_id, attendee_officer_id)
    where attendee_officer_id is not null;
create unique index participant_seat on meetings.participant (meeting_id, seat_label) where seat_label is not null;
create index participant_attendee_meetings on meetings.participant (attendee_officer_id);
create index participant_unit_meetings on meetings.participant (unit_id) where unit_id is not null;

-- Agenda item (nội dung chương trình họp).
create table meetings.agenda_item (
    id                   bigint       generated always as identity primary key,
    meeting_id           bigint       not null references meetings.meeting on delete cascade,
    position             int          not null,
    title                varchar(500) not null,
    presenter_officer_id bigint,
    presenter_name       varchar(200) not null default '',
    planned_minutes      int          not null default 0 check (planned_minutes between 0 and 1440),
    started_at           timestamptz,
    ended_at             timestamptz,
    unique (meeting_id, position) deferrable initially deferred
);

-- Meeting document (tài liệu họp): versions; a version is seen by the delegates once approved; a
-- restricted document only by the people named on it (and the chair, the secretary, its uploader).
create table meetings.document (
    id             bigint       generated always as identity primary key,
    meeting_id     bigint       not null references meetings.meeting on delete cascade,
    agenda_item_id bigint       references meetings.agenda_item on delete set null,
    title          varchar(500) not null,
    restricted     boolean      not null default false,
    source         varchar(10)  not null default 'UPLOAD' check (source in ('UPLOAD', 'INCOMING', 'OUTGOING')),
    source_id      bigint,
    withdrawn      boolean      not null default false,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null default now()
);
create index document_meeting on meetings.document (meeting_id);
create table meetings.document_version (
    document_id bigint        not null references meetings.document on delete cascade,
    version     int           not null,
    file_id     uuid          not null,
    note        varchar(500)  not null default '',
    uploaded_by varchar(100)  not null,
    uploaded_at timestamptz   not null default now(),
    approved_by varchar(100),
    approved_at timestamptz,
    primary key (document_id, version)
);
create table meetings.document_reader (
    document_id bigint not null references meetings.document on delete cascade,
    officer_id  bigint not null,
    primary key (document_id, officer_id)
);
-- Read tracking (ai đã mở): first and last time each officer opened the document.
create table meetings.document_read (
    document_id bigint      not null references meetings.document on delete cascade,
    officer_id  bigint      not null,
    first_at    timestamptz not null default now(),
    last_at     timestamptz not null default now(),
    times       int         not null default 1,
    primary key (document_id, officer_id)
);
