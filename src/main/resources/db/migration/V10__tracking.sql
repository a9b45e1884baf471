-- Links, referral and coupon codes, and clicks.

-- The secret that signs a workspace's click ids (HMAC-SHA256). A click id carries the link and
-- the click time, so attribution never depends on the click row having been written.
create table tracking_secret (
    workspace_id uuid not null primary key references workspace (id),
    secret       bytea not null check (length(secret) = 32),
    created_at   timestamptz not null
);

create table link (
    workspace_id uuid not null,
    id           uuid not null,
    program_id   uuid not null,
    partner_id   uuid not null,
    slug         text not null check (slug ~ '^[A-Za-z0-9_-]{3,64}$'),
    -- null: the program's default destination, whatever it is at the time of the click
    destination  text check (destination ~ '^https?://'),
    campaign     text not null default '' check (length(campaign) <= 100),
    is_default   boolean not null default false,
    disabled_at  timestamptz,
    created_at   timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id),
    foreign key (workspace_id, partner_id) references partner (workspace_id, id)
);
-- /r/{slug} carries no workspace: a slug names one link everywhere, whatever its case
create unique index link_slug on link (lower(slug));
create unique index link_one_default on link (workspace_id, program_id, partner_id) where is_default;
create index link_partner on link (workspace_id, partner_id, program_id);

-- Every node keeps links in memory; a change anywhere tells every node which slug to reload.
create function link_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.slug <> new.slug then
        perform pg_notify('tandem_link', lower(old.slug));
    end if;
    perform pg_notify('tandem_link', lower(new.slug));
    return null;
end $$;
create trigger link_changed after insert or update on link for each row execute function link_changed();

-- A referral code is what a prospect types or a checkout sends (ANA10); a coupon code is the
-- business's discount code mapped to a partner, for attribution without a click.
create table referral_code (
    workspace_id uuid not null,
    id           uuid not null,
    program_id   uuid not null,
    partner_id   uuid not null,
    code         text not null check (code ~ '^[A-Za-z0-9_-]{3,32}$'),
    kind         text not null check (kind in ('referral', 'coupon')),
    description  text not null default '' check (length(description) <= 200),
    disabled_at  timestamptz,
    created_at   timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id),
    foreign key (workspace_id, partner_id) references partner (workspace_id, id)
);
create unique index referral_code_unique on referral_code (workspace_id, upper(code));
create unique index referral_code_one_referral on referral_code (workspace_id, program_id, partner_id)
    where kind = 'referral' and disabled_at is null;

-- One row per redirect answered, written in batches with COPY. No foreign keys: the hot path
-- must not wait for them, and a click id stays valid even if its row never arrives. Partitioned
-- by month (partitions are created ahead by the application); the default partition catches
-- anything outside them (e.g. a spill file replayed long after).
create table click (
    workspace_id uuid not null,
    id           uuid not null,
    clicked_at   timestamptz not null,
    link_id      uuid not null,
    program_id   uuid not null,
    partner_id   uuid not null,
    click_token  text not null,
    visitor_hash bytea,
    user_agent   text,
    referrer     text,
    sub1 text, sub2 text, sub3 text, sub4 text, sub5 text,
    utm_source text, utm_medium text, utm_campaign text, utm_term text, utm_content text,
    country      char(2),
    is_bot       boolean not null default false,
    is_repeat    boolean not null default false,
    primary key (workspace_id, clicked_at, id)
) partition by range (clicked_at);
create table click_default partition of click default;
create index click_link on click (workspace_id, link_id, clicked_at);
