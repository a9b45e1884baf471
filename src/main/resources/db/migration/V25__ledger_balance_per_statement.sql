-- The ledger's balance is checked once for each statement that adds postings, no longer once for
-- each posting when the transaction commits. Nothing in the ledger is ever changed or removed
-- (ledger_append_only), so if what every statement adds balances per entry and currency, every
-- entry balances: the same guarantee. It is a little stricter (an entry's postings must arrive in
-- one statement, as Ledger.move writes them), and much cheaper: the intake writes a group of ~20
-- sales' postings in one statement, and the deferred check per posting took 8% of PostgreSQL's CPU.
drop trigger ledger_posting_balanced on ledger_posting;
drop function ledger_entry_balanced();

create function ledger_postings_balanced() returns trigger language plpgsql as $$
declare
    unbalanced text;
begin
    select string_agg(entry_id || ' ' || currency || ' ' || total, ', ') into unbalanced
    from (select entry_id, currency, sum(amount) as total from added
          group by workspace_id, entry_id, currency having sum(amount) <> 0) t;
    if unbalanced is not null then
        raise exception 'ledger entry does not balance: %', unbalanced;
    end if;
    return null;
end $$;
create trigger ledger_posting_balanced after insert on ledger_posting
    referencing new table as added for each statement execute function ledger_postings_balanced();
