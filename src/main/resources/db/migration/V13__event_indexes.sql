-- Whether a customer bought before decides if a sale is recurring: asked on every sale, it
-- must not scan the customer's other events.
create index conversion_event_customer_sales on conversion_event (workspace_id, customer_id, program_id)
    where type = 'sale';

-- The unattributed list is read newest id first (UUIDv7: in the order received); the index
-- on received_at could not serve that order.
drop index conversion_event_unattributed;
create index conversion_event_unattributed on conversion_event (workspace_id, id desc) where partner_id is null;

