-- Recall (thu hồi): the outgoing document and its metadata are frozen; each internal recipient's copy
-- loses its files (destroyed on the sender's order) but keeps the record of the recall.
alter table documents.outgoing add column recalled_at timestamptz;
alter table documents.outgoing add column recall_reason varchar(2000) not null default '';
alter table documents.incoming add column recalled_at timestamptz;
alter table documents.incoming add column recall_reason varchar(2000) not null default '';

-- Errors after release are put right by a correction (đính chính, a công văn) or a replacement (a
-- document of the same form); both point at the document they amend.
alter table documents.outgoing add column amends bigint references documents.outgoing;
alter table documents.outgoing add column amendment varchar(12)
    check (amendment in ('CORRECTION', 'REPLACEMENT'));
alter table documents.outgoing add constraint outgoing_amendment_pair check ((amends is null) = (amendment is null));
create index outgoing_amends on documents.outgoing (amends) where amends is not null;

-- Open assignments of a recalled document are cancelled.
alter table documents.assignment drop constraint assignment_state_check;
alter table documents.assignment add constraint assignment_state_check
    check (state in ('PENDING', 'IN_PROGRESS', 'FORWARDED', 'DONE', 'RETURNED', 'CANCELLED'));
alter table documents.outgoing_recipient alter column state type varchar(16);
