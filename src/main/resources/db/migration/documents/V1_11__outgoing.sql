-- Outgoing document (văn bản đi): drafted in a unit, reviewed, format-checked, approved by its signer,
-- then numbered at issuance in the issuing agency's register and released.
create table documents.outgoing (
    id                bigint       generated always as identity primary key,
    unit_id           bigint       not null,
    issuer_unit_id    bigint       not null,
    doc_type          varchar(20)  not null,
    subject           varchar(500) not null,
    signer_officer_id bigint       not null,
    signer_form       varchar(8)   not null default '',
    urgency           varchar(12)  not null,
    confidentiality   varchar(12)  not null,
    state             varchar(20)  not null default 'DRAFT',
    created_by        varchar(100) not null,
    created_at        timestamptz  not null,
    register_id       bigint       references documents.register,
    code_number       int,
    code_notation     varchar(30),
    issued_on         date,
    issued_by         varchar(100),
    released_at       timestamptz,
    unique (register_id, code_number)
);
create index outgoing_unit on documents.outgoing (unit_id, created_at desc);
create index outgoing_issuer on documents.outgoing (issuer_unit_id, state);

-- Versions of the draft (phiên bản dự thảo): each an uploaded file.
create table documents.outgoing_version (
    outgoing_id bigint        not null references documents.outgoing,
    version     int           not null,
    file_id     uuid          not null,
    note        varchar(2000) not null default '',
    created_by  varchar(100)  not null,
    created_at  timestamptz   not null,
    primary key (outgoing_id, version)
);

-- The approval route (trình duyệt): steps in order; several reviewers on one step review in parallel.
-- The last steps are always the format check by the issuer's clerks and the approval by the signer.
create table documents.outgoing_step (
    id          bigint        generated always as identity primary key,
    outgoing_id bigint        not null references documents.outgoing,
    position    int           not null,
    kind        varchar(12)   not null check (kind in ('REVIEW', 'FORMAT_CHECK', 'APPROVAL')),
    officer_id  bigint,
    unit_id     bigint,
    state       varchar(10)   not null default 'WAITING'
                check (state in ('WAITING', 'PENDING', 'APPROVED', 'REJECTED')),
    comment     varchar(4000) not null default '',
    decided_by  varchar(100),
    decided_at  timestamptz,
    check ((officer_id is null) <> (unit_id is null))
);
create index outgoing_step_officer on documents.outgoing_step (officer_id, state) where officer_id is not null;
create index outgoing_step_unit on documents.outgoing_step (unit_id, state) where unit_id is not null;
create index outgoing_step_document on documents.outgoing_step (outgoing_id);

-- Comments on a version (ý kiến góp ý).
create table documents.outgoing_comment (
    id          bigint        generated always as identity primary key,
    outgoing_id bigint        not null references documents.outgoing,
    version     int           not null,
    author      varchar(100)  not null,
    text        varchar(4000) not null,
    at          timestamptz   not null
);

-- Recipients (nơi nhận): units of this installation receive at once; others go to interchange.
create table documents.outgoing_recipient (
    id            bigint       generated always as identity primary key,
    outgoing_id   bigint       not null references documents.outgoing,
    unit_id       bigint,
    external_name varchar(200),
    external_code varchar(32),
    incoming_id   bigint       references documents.incoming,
    state         varchar(12)  not null default 'WAITING',
    check ((unit_id is null) <> (external_name is null))
);
create index outgoing_recipient_document on documents.outgoing_recipient (outgoing_id);

create table documents.outgoing_history (
    id          bigint        generated always as identity primary key,
    outgoing_id bigint        not null references documents.outgoing,
    at          timestamptz   not null,
    actor       varchar(100)  not null,
    action      varchar(20)   not null,
    text        varchar(4000) not null default ''
);
create index outgoing_history_document on documents.outgoing_history (outgoing_id, id);

-- Internal delivery: where an incoming document came from on this installation.
alter table documents.incoming add column outgoing_id bigint references documents.outgoing;
