-- The live session (phiên họp): the item under discussion, the page being presented, and a version
-- number that grows with every change the delegates' screens must follow (the live stream's event id).
alter table meetings.meeting
    add column current_item_id        bigint references meetings.agenda_item on delete set null,
    add column presenting_document_id bigint references meetings.document on delete set null,
    add column presenting_page        int,
    add column live_version           bigint not null default 0;

-- Session record (diễn biến phiên họp): what the session did, in order, for the minutes. Secret ballots
-- never appear here.
create table meetings.session_event (
    id             bigint        generated always as identity primary key,
    meeting_id     bigint        not null references meetings.meeting on delete cascade,
    at             timestamptz   not null default now(),
    actor          varchar(100)  not null,
    kind           varchar(30)   not null,
    participant_id bigint,
    agenda_item_id bigint,
    detail         varchar(1000) not null default ''
);
create index session_event_meeting on meetings.session_event (meeting_id, id);

-- Speaker requests (đăng ký phát biểu, chất vấn): one waiting request of each kind per participant, one
-- speaker at a time.
create table meetings.speaker_request (
    id             bigint       generated always as identity primary key,
    meeting_id     bigint       not null references meetings.meeting on delete cascade,
    participant_id bigint       not null references meetings.participant on delete cascade,
    agenda_item_id bigint       references meetings.agenda_item on delete set null,
    kind           varchar(15)  not null check (kind in ('SPEECH', 'INTERPELLATION')),
    topic          varchar(500) not null default '',
    state          varchar(10)  not null default 'WAITING'
        check (state in ('WAITING', 'SPEAKING', 'DONE', 'WITHDRAWN', 'DECLINED')),
    requested_at   timestamptz  not null default now(),
    granted_at     timestamptz,
    finished_at    timestamptz,
    limit_seconds  int          not null default 0 check (limit_seconds >= 0),
    requested_by   varchar(100) not null
);
create unique index speaker_one_waiting on meetings.speaker_request (meeting_id, participant_id, kind)
    where state = 'WAITING';
create unique index speaker_one_speaking on meetings.speaker_request (meeting_id) where state = 'SPEAKING';

-- Vote (biểu quyết): the question, its options, whether it is secret, weighted, changeable; quorum and
-- majority rules; the eligible and present voters counted when it opened; the result when it closed.
create table meetings.vote (
    id               bigint        generated always as identity primary key,
    meeting_id       bigint        not null references meetings.meeting on delete cascade,
    agenda_item_id   bigint        references meetings.agenda_item on delete set null,
    question         varchar(1000) not null,
    options          text[]        not null check (cardinality(options) between 2 and 10),
    secret           boolean       not null,
    weighted         boolean       not null default false,
    changeable       boolean       not null default false check (not (secret and changeable)),
    -- shares as the rules state them (1/2, 2/3), never rounded percentages
    quorum_num       int           not null default 1,
    quorum_den       int           not null default 2 check (quorum_den > 0 and quorum_num between 0 and quorum_den),
    majority_basis   varchar(10)   not null default 'ELIGIBLE' check (majority_basis in ('ELIGIBLE', 'PRESENT', 'CAST')),
    majority_num     int           not null default 1,
    majority_den     int           not null default 2 check (majority_den > 0 and majority_num between 0 and majority_den),
    -- true: more than the share (quá nửa); false: at least the share (ít nhất hai phần ba)
    majority_strict  boolean       not null default true,
    -- false: a question approved or not by its first option (tán thành); true: a choice among the options
    choice           boolean       not null default false,
    state            varchar(10)   not null default 'DRAFT' check (state in ('DRAFT', 'OPEN', 'CLOSED')),
    eligible_count   int,
    eligible_weight  numeric(12, 3),
    present_count    int,
    present_weight   numeric(12, 3),
    result           varchar(10)   check (result in ('PASSED', 'FAILED', 'NO_QUORUM')),
    created_by       varchar(100)  not null,
    opened_at        timestamptz,
    closed_at        timestamptz
);
create unique index vote_one_open on meetings.vote (meeting_id) where state = 'OPEN';

-- Named ballot (phiếu công khai): who chose what, changeable until the vote closes when the vote says so.
create table meetings.ballot (
    vote_id        bigint        not null references meetings.vote on delete cascade,
    participant_id bigint        not null references meetings.participant on delete cascade,
    option_index   int           not null,
    weight         numeric(8, 3) not null,
    cast_at        timestamptz   not null default now(),
    primary key (vote_id, participant_id)
);

-- Secret ballot (phiếu kín), kept in two places that share nothing: who has voted (no time, no choice)…
create table meetings.secret_voter (
    vote_id        bigint not null references meetings.vote on delete cascade,
    participant_id bigint not null references meetings.participant on delete cascade,
    primary key (vote_id, participant_id)
);
-- …and what was voted, only as totals per option: there is no row per ballot. Every ballot rewrites all
-- the option rows of its vote (adding to one), so no row's version tells which option the last ballot
-- chose; closing the vote rewrites both tables once more and vacuums them.
create table meetings.secret_tally (
    vote_id      bigint         not null references meetings.vote on delete cascade,
    option_index int            not null,
    ballots      int            not null default 0,
    weight       numeric(12, 3) not null default 0,
    primary key (vote_id, option_index)
);
