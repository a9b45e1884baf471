-- Commission plans (configured in program), commissions with their status history (commission)
-- and the double-entry ledger of what the business owes each partner per currency (ledger).

-- A plan version of one tier. A new version applies to events from effective_from on; earlier
-- versions keep deciding earlier events. The rules are the plan's configuration, read whole.
create table commission_plan (
    workspace_id    uuid not null,
    id              uuid not null,
    program_id      uuid not null,
    tier_id         uuid not null,
    version         int not null check (version > 0),
    effective_from  timestamptz not null,
    hold_days       int not null check (hold_days between 0 and 365),
    combine         text not null check (combine in ('highest', 'sum')),
    rules           jsonb not null,
    milestones      jsonb not null default '[]',
    customer_reward text not null default '' check (length(customer_reward) <= 500),
    created_at      timestamptz not null,
    created_by      text not null,
    primary key (workspace_id, id),
    unique (workspace_id, tier_id, version),
    foreign key (workspace_id, program_id) references program (workspace_id, id),
    foreign key (workspace_id, tier_id) references tier (workspace_id, id)
);
create index commission_plan_tier on commission_plan (workspace_id, tier_id, effective_from desc);

-- What a partner earned (or gives back: a negative amount) for one reason. source_key names the
-- reason (an event and a rule, a refund of a commission, a milestone, an adjustment) so that the
-- same reason never pays twice, however often it is delivered.
create table commission (
    workspace_id  uuid not null,
    id            uuid not null,
    source_key    text not null,
    program_id    uuid not null,
    partner_id    uuid not null,
    customer_id   uuid,
    referral_id   uuid,
    event_id      uuid,
    kind          text not null check (kind in ('earned', 'reversal', 'clawback', 'bonus', 'adjustment')),
    reverses_id   uuid,
    trigger       text,
    plan_id       uuid,
    rule_index    int,
    amount        bigint not null,
    currency      char(3) not null check (currency ~ '^[A-Z]{3}$'),
    base_amount   bigint,
    reward_kind   text not null default 'cash' check (reward_kind in ('cash', 'store_credit', 'points', 'gift')),
    fulfilled_at  timestamptz,
    status        text not null check (status in ('pending', 'hold', 'approved', 'paid', 'rejected', 'reversed')),
    explanation   text not null,
    occurred_at   timestamptz not null,
    available_at  timestamptz not null,
    created_at    timestamptz not null,
    payout_id     uuid,
    primary key (workspace_id, id),
    unique (workspace_id, source_key)
);
create index commission_partner on commission (workspace_id, partner_id, id desc);
create index commission_status on commission (workspace_id, status, id desc);
create index commission_event on commission (workspace_id, event_id) where event_id is not null;
create index commission_reverses on commission (workspace_id, reverses_id) where reverses_id is not null;
create index commission_customer on commission (workspace_id, customer_id, program_id) where customer_id is not null;
-- the hold-period job looks only at what is due
create index commission_due on commission (available_at) where status = 'pending';

create table commission_status_change (
    workspace_id  uuid not null,
    id            uuid not null,
    commission_id uuid not null,
    from_status   text,
    to_status     text not null,
    reason        text not null default '',
    event_id      uuid,
    actor_kind    text not null,
    actor_id      uuid,
    actor_name    text not null,
    occurred_at   timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, commission_id) references commission (workspace_id, id)
);
create index commission_status_change_commission on commission_status_change (workspace_id, commission_id, occurred_at);
-- what a refund or chargeback reversed, for the intake's answer
create index commission_status_change_event on commission_status_change (workspace_id, event_id) where event_id is not null;

-- The ledger: append-only journal entries whose postings sum to zero per currency. An account is
-- a kind plus, for a partner's accounts, the partner: partner_pending (earned, not yet payable),
-- partner_payable (approved), partner_paid (settled by a payout), and the business's
-- commission_expense. A posting's amount is positive when it adds to what is owed.
create table ledger_entry (
    workspace_id  uuid not null,
    id            uuid not null,
    source_key    text not null,
    description   text not null,
    occurred_at   timestamptz not null,
    primary key (workspace_id, id),
    unique (workspace_id, source_key)
);

create table ledger_posting (
    workspace_id  uuid not null,
    entry_id      uuid not null,
    line          int not null,
    account       text not null check (account in ('partner_pending', 'partner_payable', 'partner_paid',
                                                   'commission_expense')),
    partner_id    uuid not null,
    currency      char(3) not null check (currency ~ '^[A-Z]{3}$'),
    amount        bigint not null,
    primary key (workspace_id, entry_id, line),
    foreign key (workspace_id, entry_id) references ledger_entry (workspace_id, id)
);
create index ledger_posting_partner on ledger_posting (workspace_id, partner_id, currency, account);

-- Nothing in the ledger is ever changed or removed: a correction is a new entry.
create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % refused', tg_op, tg_table_name;
end $$;
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_append_only();
create trigger ledger_posting_append_only before update or delete on ledger_posting
    for each row execute function ledger_append_only();

-- Every entry balances per currency, checked when the transaction commits.
create function ledger_entry_balanced() returns trigger language plpgsql as $$
declare
    unbalanced text;
begin
    select string_agg(currency || ' ' || total, ', ') into unbalanced
    from (select currency, sum(amount) as total from ledger_posting
          where workspace_id = new.workspace_id and entry_id = new.entry_id
          group by currency having sum(amount) <> 0) t;
    if unbalanced is not null then
        raise exception 'ledger entry % does not balance: %', new.entry_id, unbalanced;
    end if;
    return null;
end $$;
create constraint trigger ledger_posting_balanced after insert on ledger_posting
    deferrable initially deferred for each row execute function ledger_entry_balanced();
