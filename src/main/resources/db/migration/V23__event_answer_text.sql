-- The intake's first answer is kept as the very text it answered, not as jsonb: a replay answers it
-- word for word without PostgreSQL reordering its keys, so the intake no longer reads the answer
-- back after storing an event (one statement less per group of events), and storing it no longer
-- parses a few KB of JSON per event. Earlier rows keep jsonb's text, which is what they answered.
alter table conversion_event alter column answer type text using answer::text;
