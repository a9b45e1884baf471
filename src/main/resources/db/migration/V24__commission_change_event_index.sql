-- The changes an event made to commissions it did not create (a refund or chargeback reversing them)
-- are found by this index; every commission's first change, its creation, names the sale too but has
-- no from_status and is found through the commission itself. Leaving those out saves one index entry
-- for each sale the intake stores, the most frequent write there is.
drop index commission_status_change_event;
create index commission_status_change_event on commission_status_change (workspace_id, event_id)
    where event_id is not null and from_status is not null;
