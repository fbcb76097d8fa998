create schema if not exists documents;

-- Register (sổ văn bản): per unit, direction and year; arrival or issue numbers run inside it.
create table documents.register (
    id          bigint       generated always as identity primary key,
    unit_id     bigint       not null,
    direction   varchar(8)   not null check (direction in ('INCOMING', 'OUTGOING')),
    year        int          not null check (year between 2000 and 2100),
    name        varchar(200) not null,
    secret      boolean      not null default false,
    last_number int          not null default 0,
    closed      boolean      not null default false,
    unique (unit_id, direction, year, name)
);

-- Incoming document (văn bản đến), with the annex VI fields.
create table documents.incoming (
    id              bigint       generated always as identity primary key,
    register_id     bigint       not null references documents.register,
    arrival_number  int          not null,
    arrived_at      timestamptz  not null,
    unit_id         bigint       not null,
    document_id     varchar(100),
    issuer_code     varchar(32)  not null default '',
    issuer_name     varchar(200) not null,
    code_number     varchar(11)  not null default '',
    code_notation   varchar(30)  not null default '',
    doc_type        varchar(20)  not null,
    issued_on       date         not null,
    subject         varchar(500) not null,
    signer_position varchar(100) not null default '',
    signer_name     varchar(100) not null default '',
    urgency         varchar(12)  not null,
    confidentiality varchar(12)  not null,
    due_on          date,
    page_count      int          check (page_count > 0),
    description     text         not null default '',
    registered_by   varchar(100) not null,
    unique (register_id, arrival_number)
);
create index incoming_unit_arrival on documents.incoming (unit_id, arrived_at desc);
create index incoming_same_number on documents.incoming (unit_id, code_number, code_notation);
create index incoming_document_id on documents.incoming (unit_id, document_id) where document_id is not null;

-- Attachments of an incoming document, in order; the bytes belong to the files module.
create table documents.incoming_file (
    incoming_id bigint not null references documents.incoming,
    file_id     uuid   not null,
    position    int    not null,
    primary key (incoming_id, file_id)
);
