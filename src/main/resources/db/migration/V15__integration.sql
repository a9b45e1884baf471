-- Stripe: each workspace's webhook endpoint and signing secret, every Stripe event received (once
-- per Stripe event id), where Stripe's charges, payment intents and invoices lead to Tandem's
-- sales, and the promotion codes that stand for partners' coupons.

-- The endpoint key is the unguessable last part of the endpoint's URL: the webhook finds the
-- workspace by it, so it is unique across workspaces.
create table stripe_account (
    workspace_id   uuid not null references workspace (id),
    endpoint_key   text not null check (endpoint_key ~ '^[A-Za-z0-9]{32,64}$'),
    signing_secret text check (signing_secret ~ '^whsec_[A-Za-z0-9+/=]{16,200}$'),
    secret_set_at  timestamptz,
    created_at     timestamptz not null,
    primary key (workspace_id)
);
create unique index stripe_account_endpoint_key on stripe_account (endpoint_key);

-- What became of each Stripe event: recorded (as the Tandem events listed), ignored, or failed
-- (with the reason). A failed one is worked again when Stripe delivers it again.
create table stripe_event (
    workspace_id    uuid not null references workspace (id),
    stripe_event_id text not null check (length(stripe_event_id) between 1 and 255),
    type            text not null check (length(type) between 1 and 200),
    received_at     timestamptz not null,
    outcome         text not null check (outcome in ('recorded', 'ignored', 'failed')),
    event_ids       uuid[] not null default '{}',
    reason          text not null default '' check (length(reason) <= 2000),
    primary key (workspace_id, stripe_event_id)
);
create index stripe_event_received on stripe_event (workspace_id, received_at desc);

-- A Stripe object that was paid (checkout session, invoice, payment intent, charge) and the Tandem
-- sale it became: refunds and disputes name a charge or payment intent and find their sale here.
-- paid_amount is what Stripe took for it, tax included, to scale refunds down to the sale's net.
create table stripe_sale (
    workspace_id     uuid not null references workspace (id),
    stripe_id        text not null check (length(stripe_id) between 1 and 255),
    sale_external_id text not null check (length(sale_external_id) between 1 and 200),
    paid_amount      bigint not null check (paid_amount >= 0),
    primary key (workspace_id, stripe_id)
);

-- A Stripe promotion code (promo_…) that stands for a Tandem coupon or referral code.
create table stripe_promotion_code (
    workspace_id      uuid not null references workspace (id),
    promotion_code_id text not null check (promotion_code_id ~ '^promo_[A-Za-z0-9]{1,100}$'),
    code              text not null check (length(code) between 1 and 100),
    created_at        timestamptz not null,
    primary key (workspace_id, promotion_code_id)
);
