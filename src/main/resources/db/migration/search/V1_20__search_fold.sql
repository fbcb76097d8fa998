-- Folding in SQL for bulk indexing (thousands of documents at once): the same rule as
-- vn.sen.shared.VietnameseText.fold for Vietnamese text (lower case, no diacritics, đ → d).
create function search.fold(text) returns text language sql immutable parallel safe as $$
    select lower(public.unaccent('public.unaccent'::regdictionary, replace(replace($1, 'đ', 'd'), 'Đ', 'D')))
$$;
