-- The last validation of a stored file's signatures (kết quả kiểm tra chữ ký của tệp), by content: shown on
-- the documents that carry the file, and redone on request (revocation and trust change with time).
create table signing.file_check (
    sha256     char(64)    primary key,
    report     jsonb       not null,
    signed     boolean     not null,
    valid      boolean     not null,
    checked_at timestamptz not null default now()
);
