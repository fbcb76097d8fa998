-- Digital signatures on meeting papers (ký số): the approved minutes, signed by the chair and the secretary,
-- and the answers to an opinion collection that asks for signed answers (phiếu lấy ý kiến). A row per
-- prepared signature; signed_at once the signer's value came back and the signed PDF was kept.
create table meetings.signature (
    pending_id  uuid          primary key,
    kind        varchar(10)   not null check (kind in ('MINUTES', 'OPINION')),
    target_id   bigint        not null,
    officer_id  bigint        not null,
    source_id   uuid          not null,
    holder      varchar(300)  not null,
    choice      varchar(10),
    comment     varchar(4000),
    prepared_at timestamptz   not null default now(),
    file_id     uuid,
    signed_at   timestamptz
);
create index signature_target on meetings.signature (kind, target_id);
-- each person signs the minutes once
create unique index signature_minutes_once on meetings.signature (target_id, officer_id)
    where kind = 'MINUTES' and signed_at is not null;

alter table meetings.opinion_request add column signed_answers boolean not null default false;
alter table meetings.opinion_answer add column signed_file_id uuid;
