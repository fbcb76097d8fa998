-- Dossier (hồ sơ): planned in the unit's yearly file plan (danh mục hồ sơ), opened when work starts,
-- closed when it ends. FileCode = unit code + year + notation. A document may sit in many dossiers
-- without being copied.
create table documents.dossier (
    id                bigint       generated always as identity primary key,
    unit_id           bigint       not null,
    year              int          not null check (year between 2000 and 2100),
    notation          varchar(30)  not null,
    title             varchar(500) not null,
    retention         varchar(50)  not null,
    rights            varchar(100) not null default '',
    keeper_officer_id bigint,
    state             varchar(8)   not null default 'PLANNED' check (state in ('PLANNED', 'OPEN', 'CLOSED')),
    start_date        date,
    end_date          date,
    created_by        varchar(100) not null,
    created_at        timestamptz  not null default now(),
    unique (unit_id, year, notation)
);
create index dossier_keeper on documents.dossier (keeper_officer_id) where keeper_officer_id is not null;

create table documents.dossier_document (
    dossier_id  bigint       not null references documents.dossier,
    incoming_id bigint       references documents.incoming,
    outgoing_id bigint       references documents.outgoing,
    added_by    varchar(100) not null,
    added_at    timestamptz  not null default now(),
    check ((incoming_id is null) <> (outgoing_id is null))
);
create unique index dossier_incoming on documents.dossier_document (dossier_id, incoming_id) where incoming_id is not null;
create unique index dossier_outgoing on documents.dossier_document (dossier_id, outgoing_id) where outgoing_id is not null;
