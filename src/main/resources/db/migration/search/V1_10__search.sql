create schema if not exists search;

-- Search entry (mục tìm kiếm): one per searchable item, with its text folded (no diacritics), fed by
-- the owning modules' events and rebuilt by `sen search rebuild`.
create table search.entry (
    kind            varchar(20)  not null,
    id              bigint       not null,
    unit_id         bigint       not null,
    number_notation varchar(60)  not null default '',
    number_folded   varchar(60)  not null default '',
    doc_type        varchar(20)  not null default '',
    subject         varchar(600) not null,
    issuer          varchar(200) not null default '',
    signer          varchar(200) not null default '',
    issued_on       date,
    urgency         varchar(12)  not null default 'NORMAL',
    closed          boolean      not null default false,
    body            text         not null default '',
    folded          text         not null,
    words           text         not null,
    primary key (kind, id)
);
create index entry_folded_trgm on search.entry using gin (folded public.gin_trgm_ops);
create index entry_words on search.entry using gin (to_tsvector('simple', words));
create index entry_number on search.entry (number_folded);
create index entry_unit on search.entry (unit_id, issued_on desc);

-- Who else may find an entry: the officers and units it was routed to.
create table search.reader (
    kind       varchar(20) not null,
    id         bigint      not null,
    officer_id bigint,
    unit_id    bigint,
    unique nulls not distinct (kind, id, officer_id, unit_id)
);
create index reader_entry on search.reader (kind, id);
create index reader_officer on search.reader (officer_id) where officer_id is not null;
create index reader_unit on search.reader (unit_id) where unit_id is not null;
