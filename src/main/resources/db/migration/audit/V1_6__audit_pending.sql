-- Audit entry not yet linked into the chain (bản ghi chờ niêm phong). Business transactions only insert
-- here — no lock, so concurrent actions never queue behind one another — and commit it atomically with
-- the action; a single sealer then links pending entries into audit.record in order, in batches,
-- normally within milliseconds of the commit.
create table audit.pending (
    id          bigint       generated always as identity primary key,
    occurred_at timestamptz  not null,
    actor       varchar(100) not null,
    action      varchar(100) not null,
    resource    varchar(200) not null,
    details     text         not null,
    source      varchar(100) not null,
    outcome     varchar(10)  not null
);
