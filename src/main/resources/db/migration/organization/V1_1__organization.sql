create schema if not exists organization;

-- Unit (đơn vị): a tree; path is the chain of ids '/1/7/42/' so a subtree is one index range scan.
create table organization.unit (
    id             bigserial primary key,
    parent_id      bigint references organization.unit (id),
    kind           varchar(30)  not null,
    name           varchar(200) not null,
    short_name     varchar(30)  not null,
    path           varchar(400) not null default '',
    sort_order     int          not null default 0,
    established_on date,
    dissolved_on   date,
    version        int          not null default 0
);
create index unit_parent on organization.unit (parent_id);
create index unit_path on organization.unit (path text_pattern_ops);

-- Dated history of a unit's organisation codes (mã định danh), QCVN 102 and axis codes.
create table organization.unit_code (
    unit_id     bigint      not null references organization.unit (id),
    code        varchar(32) not null,
    scheme      varchar(10) not null,
    valid_from  date        not null,
    valid_to    date,
    replaced_by varchar(32),
    primary key (unit_id, code, scheme)
);
create index unit_code_code on organization.unit_code (code);
-- A code names at most one unit at a time.
create unique index unit_code_current on organization.unit_code (code, scheme) where valid_to is null;

-- Position (chức vụ).
create table organization.position (
    code       varchar(30)  primary key,
    name_vi    varchar(100) not null,
    name_en    varchar(100) not null,
    leader     boolean      not null,
    rank       int          not null
);

insert into organization.position (code, name_vi, name_en, leader, rank) values
    ('CHU_TICH', 'Chủ tịch', 'Chairman', true, 10),
    ('PHO_CHU_TICH', 'Phó Chủ tịch', 'Vice-Chairman', true, 20),
    ('CHANH_VAN_PHONG', 'Chánh Văn phòng', 'Chief of Office', true, 30),
    ('PHO_CHANH_VAN_PHONG', 'Phó Chánh Văn phòng', 'Deputy Chief of Office', true, 40),
    ('GIAM_DOC', 'Giám đốc', 'Director', true, 30),
    ('PHO_GIAM_DOC', 'Phó Giám đốc', 'Deputy Director', true, 40),
    ('TRUONG_PHONG', 'Trưởng phòng', 'Head of Division', true, 50),
    ('PHO_TRUONG_PHONG', 'Phó Trưởng phòng', 'Deputy Head of Division', true, 60),
    ('CHUYEN_VIEN', 'Chuyên viên', 'Specialist', false, 80),
    ('VAN_THU', 'Văn thư', 'Registry Clerk', false, 90),
    ('THU_KY', 'Thư ký', 'Secretary', false, 85),
    ('UY_VIEN', 'Ủy viên', 'Member', false, 70),
    ('DAI_BIEU', 'Đại biểu', 'Delegate', false, 75);

-- Officer (cán bộ) and their positions (chức vụ, kiêm nhiệm), each dated.
create table organization.officer (
    id        bigserial primary key,
    full_name varchar(100) not null,
    email     varchar(200),
    phone     varchar(30),
    active    boolean not null default true,
    version   int     not null default 0
);

create table organization.appointment (
    officer_id    bigint      not null references organization.officer (id),
    unit_id       bigint      not null references organization.unit (id),
    position_code varchar(30) not null references organization.position (code),
    main          boolean     not null,
    valid_from    date        not null,
    valid_to      date,
    primary key (officer_id, unit_id, position_code, valid_from)
);
create index appointment_unit on organization.appointment (unit_id);

-- Delegation (ủy quyền): a leader lends signing or assignment rights to a deputy for a period.
create table organization.delegation (
    id              bigserial primary key,
    from_officer_id bigint      not null references organization.officer (id),
    to_officer_id   bigint      not null references organization.officer (id),
    unit_id         bigint      not null references organization.unit (id),
    delegated_right varchar(20) not null,
    valid_from      date        not null,
    valid_to        date        not null,
    note            varchar(500) not null default '',
    revoked_at      timestamptz,
    check (valid_to >= valid_from),
    check (from_officer_id <> to_officer_id)
);
create index delegation_to on organization.delegation (to_officer_id);

-- Accent- and case-insensitive form of Vietnamese text for search ("Quyết định" = "quyet dinh").
create extension if not exists unaccent schema public;
create extension if not exists pg_trgm schema public;
create function organization.fold(text) returns text language sql immutable parallel safe as $$
    select lower(public.unaccent('public.unaccent'::regdictionary, replace(replace($1, 'đ', 'd'), 'Đ', 'D')))
$$;
create index officer_name_fold on organization.officer using gin (organization.fold(full_name) public.gin_trgm_ops);
create index unit_name_fold on organization.unit using gin (organization.fold(name) public.gin_trgm_ops);
