-- Digital signatures of an outgoing document, stage by stage (NĐ 30 annex I): the competent person's
-- approval signature, the number and date written in at issuance, the agency's issuance signature.
-- Each stage is a new PDF (incremental update of the one before); the signed original is never rewritten.
create table documents.outgoing_signature (
    id          bigserial    primary key,
    outgoing_id bigint       not null references documents.outgoing (id),
    stage       varchar(10)  not null check (stage in ('APPROVAL', 'NUMBERED', 'ISSUANCE')),
    -- the two-phase signature this stage waits for (signing.pending), null for the numbering
    pending_id  uuid,
    -- the PDF after this stage; null while the signature is prepared and not yet completed
    file_id     uuid,
    -- the certificate holder (common name) of the signature of this stage
    holder      varchar(300) not null default '',
    actor       varchar(100) not null,
    at          timestamptz  not null default now()
);
create unique index outgoing_signature_done on documents.outgoing_signature (outgoing_id, stage) where file_id is not null;
create index outgoing_signature_pending on documents.outgoing_signature (pending_id) where pending_id is not null;

-- ON_BEHALF and AUTHORISED (TM., TUQ.) are longer than the column was
alter table documents.outgoing alter column signer_form type varchar(12);
