-- The words' tsvector stored once instead of computed for every candidate row of every search: at two
-- million entries a common phrase matched a hundred thousand rows, each re-parsed to be checked and ranked.
alter table search.entry add column tsv tsvector generated always as (to_tsvector('simple', words)) stored;
create index entry_tsv on search.entry using gin (tsv);
drop index search.entry_words;
create index reader_officer_entry on search.reader (officer_id, kind, id) where officer_id is not null;
create index reader_unit_entry on search.reader (unit_id, kind, id) where unit_id is not null;
drop index search.reader_officer;
drop index search.reader_unit;
