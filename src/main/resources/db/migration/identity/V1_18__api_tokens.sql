-- API token (khóa truy cập API): a secret an account hands to a program, kept here only as its SHA-256,
-- always with an end date; revoked tokens are kept for the record.
create table identity.api_token (
    id           bigint       generated always as identity primary key,
    account_id   bigint       not null references identity.account (id) on delete cascade,
    name         varchar(100) not null,
    prefix       varchar(12)  not null,
    token_hash   char(64)     not null unique,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_account on identity.api_token (account_id);
