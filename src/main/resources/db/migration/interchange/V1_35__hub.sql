-- Sen as a provincial hub (LGSP): the systems of the province that exchange through it — other Sen
-- installations, the Party committee's system, a department's own software. Each calls with its system
-- id and signs its headers with its secret (HMAC-SHA256, as on the national axis), and owns the
-- organisation codes it receives for.
create table interchange.hub_member (
    system_id  varchar(64)  primary key,
    name       varchar(200) not null,
    -- the HMAC key itself: a shared secret has to be readable to check a signature
    secret     varchar(200) not null,
    created_at timestamptz  not null default now()
);

create table interchange.hub_organ (
    organ_id  varchar(32)  primary key,
    system_id varchar(64)  not null references interchange.hub_member (system_id),
    name      varchar(200) not null default ''
);

-- Messages waiting at the hub for the member that owns the recipient (hộp thư của hệ thống thành
-- viên), fetched by their id, acknowledged done or failed. The same message sent again (a retry after a
-- lost answer) is the same entry.
create table interchange.hub_message (
    id           bigserial    primary key,
    doc_id       uuid         not null unique,
    sender       varchar(32)  not null,
    sender_system varchar(64) not null,
    recipient    varchar(32)  not null,
    system_id    varchar(64)  not null references interchange.hub_member (system_id),
    message_type varchar(10)  not null check (message_type in ('edoc', 'status')),
    file_id      uuid         not null,
    sha256       char(64)     not null,
    state        varchar(12)  not null default 'WAITING'
                 check (state in ('WAITING', 'PROCESSING', 'DONE', 'FAILED')),
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    unique (sender, recipient, message_type, sha256)
);
create index hub_message_waiting on interchange.hub_message (system_id, state, id);
