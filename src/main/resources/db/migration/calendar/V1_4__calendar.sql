create schema if not exists calendar;

-- Administrator's yearly corrections to the computed holidays (days off, make-up working days).
create table calendar.day_adjustment (
    day        date primary key,
    working    boolean not null,
    note       varchar(200) not null default '',
    changed_by varchar(100) not null,
    changed_at timestamptz not null default now()
);
