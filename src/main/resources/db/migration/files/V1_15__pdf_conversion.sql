-- PDF rendition of an office file (bản PDF), made by LibreOffice in the background.
create table files.conversion (
    source_id  uuid          primary key references files.file,
    state      varchar(12)   not null check (state in ('PENDING', 'DONE', 'FAILED', 'UNAVAILABLE')),
    pdf_id     uuid          references files.file,
    message    varchar(500)  not null default '',
    updated_at timestamptz   not null default now()
);
create index conversion_pending on files.conversion (updated_at) where state = 'PENDING';
