-- A commission's explanation in parts (a message key and its values each), so that pages say it in
-- the reader's language; the English sentence stays in explanation (the API's language).
alter table commission add column explanation_parts jsonb;
