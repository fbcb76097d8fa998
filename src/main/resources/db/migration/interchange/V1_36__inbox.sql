-- Messages received through the hub or the axis (hộp thư đến liên thông): documents for the clerks of
-- the recipient agency to register or refuse. One row per sender, document, business type and
-- recipient (and update message): a message fetched twice is received once.
create table interchange.inbox (
    id            bigserial     primary key,
    sender        varchar(32)   not null,
    sender_name   varchar(200)  not null default '',
    recipient     varchar(32)   not null,
    document_id   varchar(300)  not null,
    business_type smallint      not null check (business_type between 0 and 3),
    subject       varchar(1000) not null default '',
    message_file  uuid          not null,
    -- the message's XML signature as verified on arrival (null: not signed)
    signature_valid boolean,
    -- the signer's certificate chains to a trust anchor the administrator imported
    signature_trusted boolean not null default false,
    signer        varchar(300)  not null default '',
    signature_problem varchar(1000) not null default '',
    state         varchar(12)   not null default 'WAITING'
                  -- APPLIED: an update's record, once applied to the copy it updates
                  check (state in ('WAITING', 'REGISTERED', 'REJECTED', 'RECALLED', 'APPLIED')),
    incoming_id   bigint,
    received_at   timestamptz   not null default now(),
    -- an update has no identity of its own in edXML: each different update message is one (its SHA-256)
    update_key    varchar(64)   not null default '',
    unique (sender, document_id, business_type, recipient, update_key)
);

-- Statuses Sen sends back about the documents it received (01 on arrival, 03 registered, 02 refused …),
-- each once, retried until the hub takes it.
create table interchange.status_outbox (
    id              bigserial     primary key,
    inbox_id        bigint        not null references interchange.inbox (id),
    status_code     varchar(2)    not null,
    description     varchar(2000) not null default '',
    state           varchar(10)   not null default 'QUEUED' check (state in ('QUEUED', 'SENT', 'FAILED')),
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null default now(),
    last_error      varchar(2000) not null default '',
    created_at      timestamptz   not null default now(),
    unique (inbox_id, status_code)
);
create index status_outbox_due on interchange.status_outbox (next_attempt_at) where state = 'QUEUED';
