-- The drafter's officer, so read models (search) can let the drafter find their own drafts.
alter table documents.outgoing add column created_by_officer bigint;
