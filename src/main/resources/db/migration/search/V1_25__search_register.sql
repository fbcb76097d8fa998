-- The register of each entry, for the register filter; incoming entries filled from the documents
-- module's read feed, outgoing ones when they are next indexed (or by `sen search rebuild`).
alter table search.entry add column register_id bigint;
update search.entry e set register_id = f.register_id
from documents.incoming_search_feed f
where e.kind = 'incoming' and e.id = f.id;
