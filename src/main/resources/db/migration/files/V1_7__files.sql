create schema if not exists files;

-- Stored bytes, once per distinct content (nội dung tệp).
create table files.blob (
    sha256     char(64)    primary key,
    size       bigint      not null check (size > 0),
    created_at timestamptz not null default now()
);

-- A file as attached somewhere (tệp): its name and type; many files may share one blob.
create table files.file (
    id         uuid         primary key,
    sha256     char(64)     not null references files.blob,
    name       varchar(255) not null,
    media_type varchar(150) not null,
    size       bigint       not null,
    created_by varchar(100) not null,
    created_at timestamptz  not null default now()
);
create index file_sha256 on files.file (sha256);
