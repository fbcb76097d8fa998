-- Personal notes and highlights on the pages of meeting documents (ghi chú cá nhân): private to their author
-- unless shared with chosen participants. client_id is made by the author's device, so a note saved again
-- (a retry, a tablet syncing what it kept offline) is the same note. areas: x, y, width, height of each
-- highlighted box as fractions of the page (0..1), four numbers per box.
create table meetings.annotation (
    id          bigint        generated always as identity primary key,
    document_id bigint        not null references meetings.document on delete cascade,
    officer_id  bigint        not null,
    client_id   uuid          not null,
    page        int           not null check (page >= 1),
    kind        varchar(10)   not null check (kind in ('NOTE', 'HIGHLIGHT')),
    areas       real[]        not null default '{}',
    quote       varchar(2000) not null default '',
    text        varchar(4000) not null default '',
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    unique (officer_id, client_id)
);
create index annotation_document on meetings.annotation (document_id, officer_id);

create table meetings.annotation_share (
    annotation_id bigint not null references meetings.annotation on delete cascade,
    officer_id    bigint not null,
    primary key (annotation_id, officer_id)
);
create index annotation_share_officer on meetings.annotation_share (officer_id);
