-- Lists sorted and paged on the server (issue 7). The audit log only grows and
-- is read newest first by default: without this index every page of a big workspace's log sorts
-- all its entries by occurred_at. The id ends the index as it ends the ORDER BY (the tiebreaker), so
-- a page is read straight off the index in both directions. The other default orders already have
-- theirs: referral_created (V13) and the primary keys.
create index audit_event_occurred on audit_event (workspace_id, occurred_at, id);
-- The outbox grows with every email sent (sign-in links, statements) and is also read newest first
-- by default: the same reasoning, for created_at.
create index email_outbox_created on email_outbox (workspace_id, created_at, id);
