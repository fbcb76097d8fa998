create schema if not exists signing;

-- Trust anchor (chứng thư số gốc tin cậy): a root or intermediate certificate the administrator imported.
-- Nothing is trusted until imported; a signature chains to one of these or it is not trusted.
create table signing.trust_anchor (
    id          bigserial     primary key,
    sha256      char(64)      not null unique,
    subject     varchar(1000) not null,
    issuer      varchar(1000) not null,
    not_before  timestamptz   not null,
    not_after   timestamptz   not null,
    der         bytea         not null,
    imported_by varchar(100)  not null,
    imported_at timestamptz   not null default now()
);

-- Two-phase signing in progress (ký số hai bước): the prepared PDF waits for the external signer's
-- signature value over the data to sign, with the parameters that must be the same when it comes back.
create table signing.pending (
    id           uuid          primary key,
    source_id    uuid          not null,
    prepared_by  varchar(100)  not null,
    certificates text[]        not null, -- base64 DER, signer first
    signing_time timestamptz   not null,
    request      jsonb         not null,
    digest       char(64)      not null, -- SHA-256 of the data to sign, hex
    expires_at   timestamptz   not null,
    result_id    uuid
);
create index pending_expiry on signing.pending (expires_at) where result_id is null;
