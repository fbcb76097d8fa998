-- Registers are configured per unit and year (sổ văn bản): a register may keep only some document
-- types (the head of the agency decides whether types share one series); null keeps every type.
alter table documents.register add column doc_types varchar(20)[];
alter table documents.register add column created_by varchar(100) not null default 'system';
alter table documents.register add column created_at timestamptz not null default now();
alter table documents.register add column closed_at timestamptz;

-- The incoming document an outgoing one answers (văn bản trả lời, edXML ResponseFor): the reply
-- number column of the follow-up register.
alter table documents.outgoing add column response_for bigint references documents.incoming;
create index outgoing_response_for on documents.outgoing (response_for) where response_for is not null;
create index outgoing_register on documents.outgoing (register_id, code_number) where register_id is not null;
