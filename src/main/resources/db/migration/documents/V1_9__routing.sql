-- Assignment (giao xử lý): one step of routing an incoming document to a unit or to an officer. A
-- leader's assignment has no parent; forwarding down a unit (department → division → specialist)
-- creates children with the same role.
create table documents.assignment (
    id          bigint        generated always as identity primary key,
    incoming_id bigint        not null references documents.incoming,
    parent_id   bigint        references documents.assignment,
    unit_id     bigint,
    officer_id  bigint,
    role        varchar(12)   not null check (role in ('PRESENTED', 'LEAD', 'COORDINATING', 'INFORMATION')),
    direction   varchar(2000) not null default '',
    due_on      date,
    assigned_by varchar(100)  not null,
    assigned_at timestamptz   not null,
    state       varchar(12)   not null default 'PENDING'
                check (state in ('PENDING', 'IN_PROGRESS', 'FORWARDED', 'DONE', 'RETURNED')),
    state_at    timestamptz   not null,
    result      varchar(4000) not null default '',
    check ((unit_id is null) <> (officer_id is null))
);
create index assignment_officer on documents.assignment (officer_id, state) where officer_id is not null;
create index assignment_unit on documents.assignment (unit_id, state) where unit_id is not null;
create index assignment_incoming on documents.assignment (incoming_id);

-- History (lịch sử xử lý): every step taken on an incoming document — who, what, when, the direction.
create table documents.incoming_history (
    id          bigint        generated always as identity primary key,
    incoming_id bigint        not null references documents.incoming,
    at          timestamptz   not null,
    actor       varchar(100)  not null,
    action      varchar(20)   not null,
    assignee    varchar(300)  not null default '',
    text        varchar(4000) not null default ''
);
create index incoming_history_document on documents.incoming_history (incoming_id, id);

-- The lead's result closes the document (kết quả xử lý).
alter table documents.incoming add column closed_at timestamptz;
alter table documents.incoming add column result varchar(4000) not null default '';
