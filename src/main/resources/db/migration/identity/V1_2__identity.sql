create schema if not exists identity;

-- Account (tài khoản): one per person (officer) or per technical/service use.
create table identity.account (
    id                  bigserial primary key,
    username            varchar(100) not null unique,
    officer_id          bigint,
    account_class       varchar(20)  not null,
    password_hash       varchar(200) not null,
    must_change_password boolean     not null default true,
    password_changed_at timestamptz,
    failed_attempts     int          not null default 0,
    locked_until        timestamptz,
    disabled_reason     varchar(40),
    totp_secret         varchar(200),
    totp_last_step      bigint,
    last_login_at       timestamptz,
    created_at          timestamptz  not null default now(),
    version             int          not null default 0
);
-- One account per person (level 3); technical and service accounts have no officer.
create unique index account_officer on identity.account (officer_id) where officer_id is not null;

create table identity.password_history (
    account_id    bigint       not null references identity.account (id) on delete cascade,
    password_hash varchar(200) not null,
    changed_at    timestamptz  not null default now()
);
create index password_history_account on identity.password_history (account_id, changed_at desc);

-- Role (vai trò) granted in a unit subtree; unit_id is null for installation-wide roles.
create table identity.role_grant (
    account_id bigint      not null references identity.account (id) on delete cascade,
    role       varchar(30) not null,
    unit_id    bigint,
    constraint role_grant_unique unique nulls not distinct (account_id, role, unit_id)
);
create index role_grant_unit on identity.role_grant (unit_id);

-- HTTP sessions in the database so any application node can serve any request (Spring Session).
-- Unlogged: sessions are cheap to lose (users sign in again) and writing them without WAL spares an fsync
-- on every request, which dominated the per-request cost on ordinary disks.
create unlogged table identity.spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on identity.spring_session (session_id);
create index spring_session_ix2 on identity.spring_session (expiry_time);
create index spring_session_ix3 on identity.spring_session (principal_name);

create unlogged table identity.spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references identity.spring_session (primary_id) on delete cascade
);
