-- The most recent entries in date order: a reader of most of the province finds a common phrase's
-- most recent matches by reading the latest entries rather than every match.
create index entry_recent on search.entry (issued_on desc nulls last, id desc);
