create schema if not exists audit;

-- Audit record (bản ghi nhật ký): append-only; each row's hash covers its content and the previous hash.
create table audit.record (
    seq         bigint       primary key,
    occurred_at timestamptz  not null,
    actor       varchar(100) not null,
    action      varchar(100) not null,
    resource    varchar(200) not null,
    details     text         not null,
    source      varchar(100) not null,
    outcome     varchar(10)  not null,
    prev_hash   char(64)     not null,
    hash        char(64)     not null
);
create index record_occurred on audit.record (occurred_at);
create index record_actor on audit.record (actor, occurred_at);

-- Where verification starts after retention removed older records, and the last link written.
create table audit.chain_state (
    id            int primary key check (id = 1),
    first_seq     bigint   not null,
    first_prev    char(64) not null,
    last_seq      bigint   not null,
    last_hash     char(64) not null
);
insert into audit.chain_state values (1, 1, repeat('0', 64), 0, repeat('0', 64));

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    if current_setting('sen.audit_retention', true) = 'on' and tg_op = 'DELETE' then
        return old;
    end if;
    raise exception 'audit records are append-only';
end $$;

create trigger record_append_only before update or delete on audit.record
    for each row execute function audit.refuse_change();
