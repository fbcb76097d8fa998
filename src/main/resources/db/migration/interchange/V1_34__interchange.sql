create schema if not exists interchange;

-- Messages to send (hộp thư đi liên thông): a released (or recalled) document to each agency outside
-- this installation; a recipient without an organisation code is kept as failed (it goes on paper).
-- Each row has its transport state (queued, sent, delivered, failed — retried with backoff) and the
-- business status the recipient last sent back. One row per document, recipient and business type: an
-- event handled twice adds nothing.
create table interchange.outbox (
    id              bigserial     primary key,
    outgoing_id     bigint        not null,
    business_type   smallint      not null default 0 check (business_type between 0 and 3),
    recipient       varchar(32)   not null,
    recipient_name  varchar(200)  not null default '',
    -- the edXML DocumentId, once the message is built: statuses answer by it
    document_id     varchar(300),
    state           varchar(10)   not null default 'QUEUED'
                    check (state in ('QUEUED', 'SENT', 'DELIVERED', 'FAILED')),
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null default now(),
    last_error      varchar(2000) not null default '',
    created_at      timestamptz   not null default now(),
    sent_at         timestamptz,
    status_code     varchar(2),
    status_text     varchar(2000) not null default '',
    status_at       timestamp,
    unique (outgoing_id, recipient, recipient_name, business_type)
);
create index outbox_due on interchange.outbox (next_attempt_at) where state = 'QUEUED';
create index outbox_document on interchange.outbox (document_id, recipient);

-- Every status a recipient sent back about a document (01 arrived … 06 done, 02 rejected, 15/16).
create table interchange.outbox_status (
    id          bigserial     primary key,
    outbox_id   bigint        not null references interchange.outbox (id),
    status_code varchar(2)    not null,
    description varchar(2000) not null default '',
    staff       varchar(200)  not null default '',
    -- as the recipient wrote it: Vietnam time without offset
    at          timestamp     not null,
    received_at timestamptz   not null default now(),
    unique (outbox_id, status_code, at)
);
