-- Customers, referrals and their pipeline, the events that move them (the intake), the
-- touchpoints attribution weighs, deal registrations, missing-referral claims, and the
-- publishable keys of the JavaScript snippet.

create table customer (
    workspace_id uuid not null references workspace (id),
    id           uuid not null,
    external_id  text check (length(external_id) between 1 and 200),
    email        text check (email = lower(email)),
    name         text not null default '' check (length(name) <= 200),
    company      text not null default '' check (length(company) <= 200),
    created_at   timestamptz not null,
    primary key (workspace_id, id)
);
create unique index customer_external_id on customer (workspace_id, external_id) where external_id is not null;
create index customer_email on customer (workspace_id, email) where email is not null;

-- A customer referred by a partner in a program: one per customer and program.
create table referral (
    workspace_id   uuid not null,
    id             uuid not null,
    program_id     uuid not null,
    partner_id     uuid not null,
    customer_id    uuid not null,
    link_id        uuid,
    status         text not null check (status in ('lead', 'qualified', 'customer', 'churned', 'lost')),
    -- what gave the partner the credit: click, code, coupon, deal, hint, manual, claim
    attributed_by  text not null,
    first_sale_at  timestamptz,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id),
    foreign key (workspace_id, partner_id) references partner (workspace_id, id),
    foreign key (workspace_id, customer_id) references customer (workspace_id, id)
);
create unique index referral_customer on referral (workspace_id, program_id, customer_id);
create index referral_partner on referral (workspace_id, partner_id, created_at desc);

create table referral_status_change (
    workspace_id uuid not null,
    id           uuid not null,
    referral_id  uuid not null,
    occurred_at  timestamptz not null,
    from_status  text,
    to_status    text not null,
    reason       text not null default '',
    event_id     uuid,
    actor_kind   text not null check (actor_kind in ('staff', 'api_key', 'system', 'partner')),
    actor_id     uuid,
    actor_name   text not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, referral_id) references referral (workspace_id, id)
);
create index referral_status_change_referral on referral_status_change (workspace_id, referral_id, occurred_at);

-- Everything that happened to a referred customer, as the business sent it. external_id is the
-- sender's own id: a replay finds the first row and answers what it answered then.
create table conversion_event (
    workspace_id   uuid not null references workspace (id),
    id             uuid not null,
    external_id    text not null check (length(external_id) between 1 and 200),
    type           text not null check (type in ('lead', 'qualified', 'sale', 'refund', 'chargeback')),
    occurred_at    timestamptz not null,
    received_at    timestamptz not null,
    program_id     uuid,
    customer_id    uuid,
    referral_id    uuid,
    partner_id     uuid,
    link_id        uuid,
    amount         bigint check (amount > 0),
    currency       char(3) check (currency ~ '^[A-Z]{3}$'),
    recurring      boolean not null default false,
    refund_of      uuid,
    click_token    text,
    code           text,
    partner_hint   uuid,
    metadata       jsonb not null default '{}',
    payload_sha256 bytea not null check (length(payload_sha256) = 32),
    -- {model, reason, touchpoints: [{kind, partnerId, linkId, at, outcome, why}]}
    attribution    jsonb not null,
    answer         jsonb not null,
    source         text not null default 'api' check (source in ('api', 'snippet', 'hosted_page', 'stripe', 'manual')),
    assigned_by    text,
    primary key (workspace_id, id),
    foreign key (workspace_id, customer_id) references customer (workspace_id, id),
    foreign key (workspace_id, referral_id) references referral (workspace_id, id),
    foreign key (workspace_id, refund_of) references conversion_event (workspace_id, id),
    check ((amount is null) = (currency is null)),
    check (type not in ('sale', 'refund', 'chargeback') or amount is not null),
    check ((type in ('refund', 'chargeback')) = (refund_of is not null))
);
create unique index conversion_event_external on conversion_event (workspace_id, external_id);
create index conversion_event_referral on conversion_event (workspace_id, referral_id, occurred_at);
create index conversion_event_unattributed on conversion_event (workspace_id, received_at desc) where partner_id is null;
create index conversion_event_refunds on conversion_event (workspace_id, refund_of) where refund_of is not null;

-- What attribution weighs for a customer: each click, code or hint seen, in any event.
create table touchpoint (
    workspace_id uuid not null,
    id           uuid not null,
    customer_id  uuid not null,
    program_id   uuid not null,
    partner_id   uuid not null,
    link_id      uuid,
    kind         text not null check (kind in ('click', 'code', 'coupon', 'deal', 'hint')),
    seen_at      timestamptz not null,
    event_id     uuid,
    primary key (workspace_id, id),
    foreign key (workspace_id, customer_id) references customer (workspace_id, id)
);
create index touchpoint_customer on touchpoint (workspace_id, customer_id, program_id, seen_at);

-- A partner registers a prospect by hand; once accepted, later events of that customer are theirs.
create table deal_registration (
    workspace_id     uuid not null,
    id               uuid not null,
    program_id       uuid not null,
    partner_id       uuid not null,
    company          text not null check (length(company) between 1 and 200),
    contact_name     text not null default '' check (length(contact_name) <= 200),
    email            text not null check (email = lower(email)),
    expected_amount  bigint check (expected_amount >= 0),
    expected_currency char(3),
    notes            text not null default '' check (length(notes) <= 4000),
    status           text not null check (status in ('submitted', 'accepted', 'rejected', 'expired')),
    decision_reason  text not null default '',
    conflict         jsonb,
    decided_by       text,
    decided_at       timestamptz,
    customer_id      uuid,
    created_at       timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id),
    foreign key (workspace_id, partner_id) references partner (workspace_id, id)
);
create index deal_registration_email on deal_registration (workspace_id, email, created_at desc);
create index deal_registration_partner on deal_registration (workspace_id, partner_id, created_at desc);

-- "This customer came from me": the partner's evidence, the manager's decision.
create table referral_claim (
    workspace_id    uuid not null,
    id              uuid not null,
    program_id      uuid not null,
    partner_id      uuid not null,
    customer_email  text not null check (customer_email = lower(customer_email)),
    customer_name   text not null default '' check (length(customer_name) <= 200),
    evidence        text not null check (length(evidence) between 1 and 4000),
    status          text not null check (status in ('submitted', 'accepted', 'declined')),
    decision_reason text not null default '',
    decided_by      text,
    decided_at      timestamptz,
    referral_id     uuid,
    created_at      timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id),
    foreign key (workspace_id, partner_id) references partner (workspace_id, id)
);
create index referral_claim_status on referral_claim (workspace_id, status, created_at desc);

-- The key a business puts in its public web pages for the snippet's tandem.lead(): it can only
-- create leads for one program, from the origins listed.
create table publishable_key (
    workspace_id    uuid not null,
    id              uuid not null,
    program_id      uuid not null,
    key             text not null check (key ~ '^tnd_pk_[A-Za-z0-9]{24,}$'),
    allowed_origins text[] not null default '{}',
    created_at      timestamptz not null,
    revoked_at      timestamptz,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id)
);
create unique index publishable_key_key on publishable_key (key);
