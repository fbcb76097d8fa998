-- Read feeds: what other modules' read models (search) may read of this module's tables in bulk, when
-- thousands of documents arrive at once (generation, migration). Their columns are this module's
-- contract; the tables behind them are not.
create view documents.incoming_search_feed as
select i.id, i.unit_id, i.code_number, i.code_notation, i.doc_type, i.issued_on, i.subject, i.issuer_name,
       i.issuer_code, trim(i.signer_position || ' ' || i.signer_name) as signer, i.description, i.urgency,
       i.closed_at is not null as closed
from documents.incoming i
where i.recalled_at is null;

create view documents.incoming_reader_feed as
select distinct a.incoming_id, a.unit_id, a.officer_id from documents.assignment a;
