-- The incoming read feed also tells the register (search filters by it).
create or replace view documents.incoming_search_feed as
select i.id, i.unit_id, i.code_number, i.code_notation, i.doc_type, i.issued_on, i.subject, i.issuer_name,
       i.issuer_code, trim(i.signer_position || ' ' || i.signer_name) as signer, i.description, i.urgency,
       i.closed_at is not null as closed, i.register_id
from documents.incoming i
where i.recalled_at is null;
