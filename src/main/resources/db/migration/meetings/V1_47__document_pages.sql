-- The number of pages of each PDF version of a meeting document, counted at upload: the statistics count
-- the pages of paper a meeting did not print (each participant would have had a copy). Null when unknown
-- (not a PDF, unreadable, or uploaded before this was counted).
alter table meetings.document_version add column pages int check (pages > 0);
