-- V1_25 rewrote every entry: give the space back and refresh the planner's statistics now rather than
-- when autovacuum gets to it (searches scan twice the pages until then).
vacuum analyze search.entry;
