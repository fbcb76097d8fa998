-- The agency directory (danh bạ cơ quan liên thông): every agency this installation can send to, as the
-- hub or the national axis publishes it — with a version per change (members synchronise what changed
-- since the version they last saw), deletions kept as rows, and the code history of the 2025 mergers
-- (an old code is closed and names the code that replaced it).
create table interchange.agency (
    code        varchar(32)   primary key,
    name        varchar(300)  not null,
    parent_code varchar(32),
    address     varchar(300)  not null default '',
    email       varchar(200)  not null default '',
    phone       varchar(50)   not null default '',
    valid_from  date,
    valid_to    date,
    replaced_by varchar(32),
    deleted     boolean       not null default false,
    version     bigint        not null,
    modified_at timestamptz   not null default now(),
    -- the hub or axis that published it ('' for what this installation recorded itself)
    source      varchar(300)  not null default ''
);
create sequence interchange.agency_version;
create index agency_by_version on interchange.agency (version);
create index agency_replaced_by on interchange.agency (replaced_by);
create index agency_name on interchange.agency using gin (organization.fold(name) public.gin_trgm_ops);

-- How far this installation has synchronised the directory of the hub or axis it is connected to.
create table interchange.directory_sync (
    source      varchar(300) primary key,
    version     bigint       not null default 0,
    synced_at   timestamptz  not null default now(),
    added       int          not null default 0,
    changed     int          not null default 0,
    deleted     int          not null default 0
);

-- The hub's way out: what members send to agencies no member receives for waits here for the hub's
-- connection to the national axis, which forwards it (no system can sign in as it: its secret is
-- random and never shown).
insert into interchange.hub_member (system_id, name, secret)
values ('axis:upstream', 'Trục liên thông quốc gia', md5(random()::text) || md5(random()::text));
