-- Updates (business type 2) of a released document's recipients: each change of recipients is its own
-- message to each agency it adds or removes, naming every agency the change adds (+) and removes (-).
alter table interchange.outbox add column change_id bigint not null default 0;
alter table interchange.outbox add column receiver_changes varchar(4000) not null default '';
do $$
declare
    name text;
begin
    select conname into name from pg_constraint
    where conrelid = 'interchange.outbox'::regclass and contype = 'u';
    execute format('alter table interchange.outbox drop constraint %I', name);
end $$;
alter table interchange.outbox
    add constraint outbox_once unique (outgoing_id, recipient, recipient_name, business_type, change_id);
