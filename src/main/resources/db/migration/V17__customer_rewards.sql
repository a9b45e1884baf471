-- What a referred customer gets in a double-sided program (a discount, a free month), recorded on
-- their referral when it first earns, for the business to honour.
create table customer_reward (
    workspace_id  uuid not null,
    id            uuid not null,
    referral_id   uuid not null,
    program_id    uuid not null,
    partner_id    uuid not null,
    customer_id   uuid not null,
    plan_id       uuid not null,
    description   text not null check (length(description) between 1 and 500),
    created_at    timestamptz not null,
    honoured_at   timestamptz,
    honoured_by   text,
    primary key (workspace_id, id),
    unique (workspace_id, referral_id)
);
create index customer_reward_open on customer_reward (workspace_id, id desc) where honoured_at is null;
