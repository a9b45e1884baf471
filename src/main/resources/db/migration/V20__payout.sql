-- Payouts (payout): the business's paying account, per-program payout settings, partners' billing
-- details, runs, payouts with their status history, and who a run held back and why.

-- The business's side of every payout: the account SEPA transfers are paid from, the details a
-- self-billing invoice names, and the Stripe secret key Connect transfers are made with (sealed).
create table payout_account (
    workspace_id      uuid primary key,
    name              text not null default '' check (length(name) <= 140),
    iban              text not null default '' check (length(iban) <= 34),
    bic               text not null default '' check (length(bic) <= 11),
    address           text not null default '' check (length(address) <= 500),
    country           text not null default '' check (country = '' or country ~ '^[A-Z]{2}$'),
    vat_id            text not null default '' check (length(vat_id) <= 20),
    stripe_key_sealed bytea,
    stripe_key_hint   text not null default '',
    updated_at        timestamptz not null
);

-- When and how a program pays: the schedule, the cut-off (commissions approved at least this many
-- days before the run), whether a manager approves each run, and the next scheduled run.
create table payout_schedule (
    workspace_id     uuid not null,
    program_id       uuid not null,
    frequency        text not null check (frequency in ('manual', 'weekly', 'twice_monthly', 'monthly')),
    day              int not null default 1 check (day between 1 and 28),
    cutoff_days      int not null default 0 check (cutoff_days between 0 and 90),
    require_approval boolean not null default true,
    next_run_at      timestamptz,
    updated_at       timestamptz not null,
    primary key (workspace_id, program_id),
    foreign key (workspace_id, program_id) references program (workspace_id, id)
);
create index payout_schedule_due on payout_schedule (next_run_at) where next_run_at is not null;

-- Below the minimum a partner's balance in that currency waits for a later run.
create table payout_minimum (
    workspace_id uuid not null,
    program_id   uuid not null,
    currency     char(3) not null check (currency ~ '^[A-Z]{3}$'),
    amount       bigint not null check (amount >= 0),
    primary key (workspace_id, program_id, currency),
    foreign key (workspace_id, program_id) references program (workspace_id, id)
);

-- What a self-billing invoice says of the partner: a business (with a VAT id) or a person.
create table partner_billing (
    workspace_id uuid not null,
    partner_id   uuid not null,
    legal_name   text not null check (length(legal_name) between 1 and 140),
    address      text not null default '' check (length(address) <= 500),
    country      text not null check (country ~ '^[A-Z]{2}$'),
    vat_id       text not null default '' check (length(vat_id) <= 20),
    updated_at   timestamptz not null,
    primary key (workspace_id, partner_id),
    foreign key (workspace_id, partner_id) references partner (workspace_id, id)
);

create table payout_run (
    workspace_id uuid not null,
    id           uuid not null,
    program_id   uuid not null,
    currency     char(3) check (currency ~ '^[A-Z]{3}$'),
    cutoff       timestamptz not null,
    scheduled    boolean not null,
    started_by   text not null,
    created_at   timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id)
);
create index payout_run_program on payout_run (workspace_id, program_id, id desc);
create index payout_run_latest on payout_run (workspace_id, id desc);

create table payout (
    workspace_id   uuid not null,
    id             uuid not null,
    run_id         uuid not null,
    program_id     uuid not null,
    partner_id     uuid not null,
    amount         bigint not null check (amount > 0),
    currency       char(3) not null check (currency ~ '^[A-Z]{3}$'),
    method         text not null check (method in ('sepa', 'paypal', 'stripe', 'manual')),
    destination    text not null,
    -- the Stripe account a Connect transfer goes to, fixed when the payout is made: a retry with the
    -- same idempotency key must go to the same place, whatever the partner changed meanwhile
    rail_account   text not null default '',
    status         text not null check (status in ('draft', 'approved', 'processing', 'paid', 'failed', 'canceled')),
    reference      text not null default '',
    failure_reason text not null default '',
    paid_amount    bigint,
    paid_currency  char(3) check (paid_currency ~ '^[A-Z]{3}$'),
    rate           numeric(20, 10) check (rate > 0),
    rate_source    text,
    invoice_number text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    primary key (workspace_id, id),
    unique (workspace_id, program_id, invoice_number),
    foreign key (workspace_id, run_id) references payout_run (workspace_id, id),
    check ((paid_amount is null) = (paid_currency is null) and (paid_amount is null) = (rate is null))
);
create index payout_run_payouts on payout (workspace_id, run_id, id);
create index payout_partner on payout (workspace_id, partner_id, id desc);

-- What each payout was made of. The commission's own payout_id says which payout holds it now
-- (at most one, by construction); these rows keep what a failed or canceled payout had held.
create table payout_item (
    workspace_id  uuid not null,
    payout_id     uuid not null,
    commission_id uuid not null,
    amount        bigint not null,
    primary key (workspace_id, payout_id, commission_id),
    foreign key (workspace_id, payout_id) references payout (workspace_id, id),
    foreign key (workspace_id, commission_id) references commission (workspace_id, id)
);

alter table commission add constraint commission_payout
    foreign key (workspace_id, payout_id) references payout (workspace_id, id);
create index commission_payable on commission (workspace_id, program_id, partner_id)
    where status = 'approved' and payout_id is null and reward_kind = 'cash';
create index commission_in_payout on commission (workspace_id, payout_id) where payout_id is not null;

create table payout_status_change (
    workspace_id uuid not null,
    id           uuid not null,
    payout_id    uuid not null,
    from_status  text,
    to_status    text not null,
    reason       text not null default '',
    actor_name   text not null,
    occurred_at  timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, payout_id) references payout (workspace_id, id)
);
create index payout_status_change_payout on payout_status_change (workspace_id, payout_id, occurred_at);

-- Partners and currencies a run did not pay, and why: below the minimum or negative (carried
-- forward), no payout details, an agreement to accept, details a rail refuses.
create table payout_held (
    workspace_id uuid not null,
    run_id       uuid not null,
    partner_id   uuid not null,
    currency     char(3) not null,
    amount       bigint not null,
    reason       text not null check (reason in ('below_minimum', 'negative', 'no_payout_details',
                                                  'agreement_pending', 'invalid_details')),
    detail       text not null default '',
    primary key (workspace_id, run_id, partner_id, currency),
    foreign key (workspace_id, run_id) references payout_run (workspace_id, id)
);
create index payout_held_partner on payout_held (workspace_id, partner_id, run_id);

-- Money on its way: a payout being sent moves its amount from payable to in transit; paid moves
-- each commission on to paid, a failure moves the amount back to payable.
alter table ledger_posting drop constraint ledger_posting_account_check;
alter table ledger_posting add constraint ledger_posting_account_check check (account in
    ('partner_pending', 'partner_payable', 'partner_in_transit', 'partner_paid', 'commission_expense'));
