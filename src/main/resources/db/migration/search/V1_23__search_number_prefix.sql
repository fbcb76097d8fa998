-- Exact and leading number matches ("125" finds 125/QĐ-UBND) as an index range in byte order,
-- whatever the database's collation.
create index entry_number_c on search.entry ((number_folded collate "C"));
