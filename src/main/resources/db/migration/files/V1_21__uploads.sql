-- Resumable upload (tải lên có thể tiếp tục, tus 1.0): the bytes received so far sit in a partial file;
-- a dropped connection loses nothing, the client asks for the offset and sends the rest.
create table files.upload (
    id         uuid         primary key,
    owner      varchar(100) not null,
    name       varchar(255) not null,
    length     bigint       not null check (length > 0),
    created_at timestamptz  not null default now(),
    expires_at timestamptz  not null,
    file_id    uuid         references files.file
);
create index upload_owner on files.upload (owner, created_at desc);
