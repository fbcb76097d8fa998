-- Separate attachment files of an outgoing document (phụ lục, văn bản kèm theo), PDFs in order. When the
-- document is signed digitally, each is signed at issuance with the agency's certificate and no image:
-- number and notation with the signing time at the top right of the first page (NĐ 30 annex I).
create table documents.outgoing_attachment (
    id          bigserial    primary key,
    outgoing_id bigint       not null references documents.outgoing (id),
    position    int          not null,
    file_id     uuid         not null,
    added_by    varchar(100) not null,
    added_at    timestamptz  not null default now(),
    -- the agency's signature: prepared (pending_id), then completed (signed_file_id)
    pending_id     uuid,
    signed_file_id uuid,
    holder         varchar(300) not null default '',
    signed_by      varchar(100),
    signed_at      timestamptz,
    unique (outgoing_id, position)
);
create index outgoing_attachment_document on documents.outgoing_attachment (outgoing_id, position);
