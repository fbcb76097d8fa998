-- Electronic copies (bản sao điện tử: sao y, sao lục, trích sao) of a document's file, each signed by the
-- copying agency with its text-only signature at the top right of the first page (NĐ 30 art. 25–27,
-- annex I). A copy is read by whoever reads the document it copies.
create table documents.copy (
    id          bigserial    primary key,
    source_kind varchar(10)  not null check (source_kind in ('INCOMING', 'OUTGOING')),
    source_id   bigint       not null,
    unit_id     bigint       not null,
    form        varchar(10)  not null check (form in ('SAO_Y', 'SAO_LUC', 'TRICH_SAO')),
    -- the pages of a trích sao, e.g. "1-2, 5"; empty for a whole copy
    pages       varchar(100) not null default '',
    -- the file copied: the document's file, or for a sao lục an earlier copy's file
    copied_file uuid         not null,
    pending_id  uuid,
    -- the signed copy; null while the agency's signature is prepared and not completed
    file_id     uuid,
    holder      varchar(300) not null default '',
    made_by     varchar(100) not null,
    made_at     timestamptz  not null default now()
);
create index copy_source on documents.copy (source_kind, source_id);
